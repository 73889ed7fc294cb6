"""Party tenancy: a party sees the records it raised, or that are assigned or e-bonded to it."""

from __future__ import annotations

from sqlalchemy import ColumnElement, false, or_, select

from simulators.desk.auth import Actor
from simulators.desk.schema import TableSchema
from simulators.desk.store import OWNER_PARTY, Store
from simulators.errors import Forbidden

EBOND_LINKS = "u_ebond_link"
"""A record e-bonded to a party's desk stays visible to that party while the bond holds."""


class Tenancy:
    """Visibility filters and write permissions for one desk."""

    def __init__(self, store: Store, desk_party: str) -> None:
        self.store = store
        self.desk_party = desk_party

    def sees_everything(self, actor: Actor) -> bool:
        """Admins, and the agents of the party that runs the desk, see every record."""
        return actor.is_admin or (actor.party == self.desk_party and "itil" in actor.roles)

    def visible(self, table: str, actor: Actor) -> ColumnElement[bool] | None:
        """A filter on `table` for what `actor` may see, or None for everything."""
        if self.sees_everything(actor):
            return None
        schema = self.store.schemas[table]
        sql_table = self.store.table(table)
        if schema.tenancy == "task":
            return self._task_filter(table, actor)
        if schema.tenancy == "child":
            tasks = sorted(n for n, s in self.store.schemas.items() if s.tenancy == "task")
            parents = [
                select(self.store.table(t).c.sys_id).where(self._task_filter(t, actor))
                for t in tasks
            ]
            key = sql_table.c[schema.parent_field]
            return or_(*(key.in_(p) for p in parents)) if parents else false()
        if schema.tenancy == "party":
            return sql_table.c.u_party == actor.party
        return None

    def check_table_write(self, schema: TableSchema, actor: Actor) -> None:
        """Refuse writes to read-only and admin-only tables."""
        if schema.read_only:
            raise Forbidden(
                f"Table {schema.name} is read-only",
                "its records are written by the desk itself",
            )
        if schema.admin_only_writes and not actor.is_admin:
            raise Forbidden(
                f"User {actor.user_name} may not write to {schema.name}",
                "only the admin user may change users and groups",
            )

    def _task_filter(self, table: str, actor: Actor) -> ColumnElement[bool]:
        task = self.store.table(table)
        groups = self.store.table("sys_user_group")
        users = self.store.table("sys_user")
        party_groups = select(groups.c.sys_id).where(groups.c.u_party == actor.party)
        party_users = select(users.c.sys_id).where(users.c.u_party == actor.party)
        clauses = [task.c[OWNER_PARTY] == actor.party]
        if "assignment_group" in task.c:
            clauses.append(task.c.assignment_group.in_(party_groups))
        if "caller_id" in task.c:
            clauses.append(task.c.caller_id.in_(party_users))
        if EBOND_LINKS in self.store.tables:
            links = self.store.table(EBOND_LINKS)
            bonded = select(links.c.local_sys_id).where(
                (links.c.peer == actor.party) & (links.c.role != "returned")
            )
            clauses.append(task.c.sys_id.in_(bonded))
        return or_(*clauses)
