"""Records as the Table API shows them: field selection, display values and reference links."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from simulators.desk.schema import BOOLEAN, CHOICE, PASSWORD, REFERENCE, TableSchema
from simulators.desk.store import Row, Store

DisplayMode = str  # "false" | "true" | "all"


@dataclass(frozen=True)
class RenderOptions:
    """The sysparms that shape a response."""

    base_url: str
    fields: tuple[str, ...] = ()
    display_value: DisplayMode = "false"
    exclude_reference_link: bool = False


class Renderer:
    """Renders rows of one request, looking each referenced record up once."""

    def __init__(self, store: Store, connection: Connection, options: RenderOptions) -> None:
        self.store = store
        self.connection = connection
        self.options = options
        self._display_cache: dict[tuple[str, str], str] = {}

    def render_many(self, schema: TableSchema, rows: Sequence[Row]) -> list[dict[str, Any]]:
        return [self.render(schema, row) for row in rows]

    def render(self, schema: TableSchema, row: Row) -> dict[str, Any]:
        """One record as a JSON object."""
        wanted = self.options.fields
        fields = [f for f in schema.fields if f.kind != PASSWORD]
        if wanted:
            fields = [f for f in fields if f.name in wanted]
        result: dict[str, Any] = {}
        for spec in fields:
            value = row.get(spec.name, "") if spec.is_stored else ""
            if spec.kind == REFERENCE:
                target = row.get(spec.reference_from, "") if spec.reference_from else ""
                result[spec.name] = self._reference(target or spec.reference, value)
            else:
                result[spec.name] = self._plain(value, self._label(spec, value))
        return result

    def _label(self, spec: Any, value: str) -> str:
        if spec.kind == CHOICE:
            return spec.choices.get(value, value)
        if spec.kind == BOOLEAN:
            return value.lower()
        return value

    def _plain(self, value: str, label: str) -> Any:
        mode = self.options.display_value
        if mode == "true":
            return label
        if mode == "all":
            return {"display_value": label, "value": value}
        return value

    def _reference(self, target: str, value: str) -> Any:
        if not value:
            return self._plain("", "")
        display = self.display_of(target, value)
        mode = self.options.display_value
        if self.options.exclude_reference_link:
            return self._plain(value, display)
        link = f"{self.options.base_url}/api/now/table/{target}/{value}"
        if mode == "true":
            return {"link": link, "display_value": display}
        if mode == "all":
            return {"display_value": display, "link": link, "value": value}
        return {"link": link, "value": value}

    def display_of(self, table: str, sys_id: str) -> str:
        """The display value of a referenced record ('' when it does not exist)."""
        key = (table, sys_id)
        if key not in self._display_cache:
            row = self.store.fetch(self.connection, table, sys_id)
            field = self.store.schemas[table].display_field
            self._display_cache[key] = row.get(field, "") if row else ""
        return self._display_cache[key]
