"""The desk's [request] section: the group that fulfils each request type, read strictly."""

from __future__ import annotations

from collections.abc import Mapping

from simulators.config import DeskConfig
from simulators.errors import ConfigError
from simulators.processes.request.schema import REQUEST_TYPES

SECTION = "request"
DEFAULT_OWNING_GROUPS = {
    "dip_onboarding": "DIP Manager",
    "dip_role_change": "DIP Manager",
    "solr_role_transfer": "DIP Manager",
    "dip_offboarding": "DIP Manager",
    "access": "Elexon Portal Support",
}
"""Who fulfils each type when the desk configuration has no [request] section."""


def read_owning_groups(config: DeskConfig) -> dict[str, str]:
    """The owning group of each request type from [request] owning_groups, checked strictly.

    Without a [request] section the defaults apply, for the groups this desk has.
    """
    section = config.section_with(SECTION, ("owning_groups",))
    if section is None:
        return config.groups_present(DEFAULT_OWNING_GROUPS)
    where = f"{config.source}: {SECTION}.owning_groups"
    groups = section.get("owning_groups")
    if not isinstance(groups, Mapping):
        raise ConfigError(f"{where} must be a table of request type = group name")
    unknown_types = sorted(set(groups) - set(REQUEST_TYPES))
    if unknown_types:
        raise ConfigError(
            f"{where} names unknown request type(s) {', '.join(unknown_types)}; "
            f"request types: {', '.join(REQUEST_TYPES)}"
        )
    missing = [kind for kind in REQUEST_TYPES if kind not in groups]
    if missing:
        raise ConfigError(f"{where} gives no group for {', '.join(missing)}")
    return config.groups_named(where, groups)
