"""The desk's [triage] section: the intake and business-query groups, read strictly."""

from __future__ import annotations

from simulators.config import DeskConfig

SECTION = "triage"
DEFAULT_GROUPS = {"intake_group": "Elexon Service Desk", "business_query_group": "Business Support"}
"""The [triage] groups used when the desk configuration has no [triage] section."""


def read_triage_groups(config: DeskConfig) -> dict[str, str]:
    """The intake and business-query groups from [triage], checked strictly.

    Without a [triage] section the defaults apply, for the groups this desk has.
    """
    section = config.section_with(SECTION, tuple(DEFAULT_GROUPS))
    if section is None:
        return config.groups_present(DEFAULT_GROUPS)
    chosen = {key: section.get(key) for key in DEFAULT_GROUPS}
    return config.groups_named(f"{config.source}: {SECTION}", chosen)
