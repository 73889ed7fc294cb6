"""E-bonding: hand records to other desks through their Table API, exactly once, with retries."""

from __future__ import annotations

import json
import threading
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, and_

from deskclient import Credentials, DeskClient, DeskError, DeskUnreachable
from simulators.clock import format_time, parse_time
from simulators.desk import (
    IDEMPOTENCY_KEY,
    Actor,
    Row,
    Submission,
    WriteContext,
    send_email,
    system_fields,
    update_record,
)
from simulators.ebond.flows import (
    EBONDED_TABLES,
    FORWARDED_JOURNALS,
    HANDOFF_FIELDS,
    MAX_ATTEMPTS,
    PERMANENT_STATUSES,
    STATE_FLOWS,
    retry_delay,
)
from simulators.ebond.peers import Peer, PeerDirectory, is_ebond_user

if TYPE_CHECKING:
    from simulators.desk import DeskServices

LINKS = "u_ebond_link"
OUTBOX = "u_ebond_message"
BOOKKEEPER = "ebond.system"
RETURNED = "returned"
"""Role of a link, on both sides, once the worker handed the record back: nothing flows any more."""
DELIVERY_TIMEOUT = 5.0


class _DeliveredUnbonded(Exception):
    """A create answered 409 (so an earlier attempt delivered it) but its copy was not found."""


class EBond:
    """One desk's side of every e-bond: queues messages with the change, then delivers them."""

    def __init__(self, desk: DeskServices, peers: PeerDirectory) -> None:
        self.desk = desk
        self.peers = peers
        self.bookkeeper = Actor("", BOOKKEEPER, desk.config.party, frozenset({"admin", "itil"}))
        self._delivering = threading.Lock()
        self._more = threading.Event()
        self._clients: dict[str, DeskClient] = {}

    def __repr__(self) -> str:
        return f"EBond({self.desk.config.id!r}, {self.peers!r})"

    # -- queueing (inside the write transaction) ---------------------------------------------------

    def record_written(
        self, ctx: WriteContext, table: str, before: Row | None, after: Row, sub: Submission
    ) -> None:
        """Queue what this change means for every desk the record is (or becomes) bonded to."""
        if table not in EBONDED_TABLES or ctx.actor.user_name == BOOKKEEPER:
            return
        links = self._links(ctx, table, after["sys_id"])
        if before is None and is_ebond_user(ctx.actor.user_name) and after.get("correlation_id"):
            links.append(self._link_arrival(ctx, table, after))
        self._hand_off_if_assigned_away(ctx, table, before, after, links)
        for link in links:
            if link["role"] == RETURNED:
                continue  # that desk handed the work back: the bond has ended
            if link["peer"] == ctx.actor.party and is_ebond_user(ctx.actor.user_name):
                if link["role"] == "owner" and self._handed_back(ctx, before or {}, after):
                    self._end(ctx, link)
                continue  # the change came from that desk: do not echo it back
            self._forward(ctx, table, link, before or {}, after, sub)
            if link["role"] == "worker" and self._assigned_back(ctx, before or {}, after, link):
                self._end(ctx, link)  # this desk handed the work back: nothing more flows

    def _hand_off_if_assigned_away(
        self, ctx: WriteContext, table: str, before: Row | None, after: Row, links: list[Row]
    ) -> None:
        group_id = after.get("assignment_group", "")
        if not group_id or (before or {}).get("assignment_group") == group_id:
            return
        group = self.desk.store.fetch(ctx.connection, "sys_user_group", group_id)
        party = group["u_party"] if group else ""
        if group is None or not party or party == self.desk.config.party:
            return
        if party not in self.peers:
            return
        if any(link["peer"] == party for link in links):
            return
        fields = {name: after.get(name, "") for name in HANDOFF_FIELDS if after.get(name)}
        fields |= {
            "assignment_group": group["name"],
            "correlation_id": after["number"],
            "correlation_display": self.desk.config.id,
        }
        link = self._new_link(ctx, table, after, party, role="owner")
        links.append(link)
        self._enqueue(ctx, table, after, party, "create", fields)

    def _forward(
        self, ctx: WriteContext, table: str, link: Row, before: Row, after: Row, sub: Submission
    ) -> None:
        sender = link["role"]
        fields: dict[str, str] = {}
        notes = []
        for flow in STATE_FLOWS:
            if flow.applies(sender, before, after):
                fields |= {name: after.get(name, "") for name in flow.fields}
                if flow.target_state:
                    fields["state"] = flow.target_state
                notes.append(flow.note.format(sender=self.desk.config.name, number=after["number"]))
        if sender == "worker" and self._assigned_back(ctx, before, after, link):
            group = self.desk.store.fetch(
                ctx.connection, "sys_user_group", after["assignment_group"]
            )
            fields["assignment_group"] = group["name"] if group else ""
            notes.append(f"{self.desk.config.name} says {after['number']} is not theirs.")
        origin = f"[{self.desk.config.name} {after['number']}]"
        journals = [(n, f"{origin} {v}") for n, v in sub.journals if n in FORWARDED_JOURNALS]
        if notes:
            journals.append(("work_notes", f"{origin} {' '.join(notes)}"))
        for name, value in journals:
            fields[name] = f"{fields[name]}\n{value}" if name in fields else value
        if fields:
            self._enqueue(ctx, table, after, link["peer"], "update", fields)

    def _assigned_back(self, ctx: WriteContext, before: Row, after: Row, link: Row) -> bool:
        group_id = after.get("assignment_group", "")
        if not group_id or before.get("assignment_group") == group_id:
            return False
        group = self.desk.store.fetch(ctx.connection, "sys_user_group", group_id)
        return group is not None and group["u_party"] == link["peer"]

    def _end(self, ctx: WriteContext, link: Row) -> None:
        self.desk.store.update(ctx.connection, LINKS, link["sys_id"], {"role": RETURNED})

    def _handed_back(self, ctx: WriteContext, before: Row, after: Row) -> bool:
        """The worker assigned the record to one of this desk's own groups (it is not theirs)."""
        group_id = after.get("assignment_group", "")
        if not group_id or before.get("assignment_group") == group_id:
            return False
        group = self.desk.store.fetch(ctx.connection, "sys_user_group", group_id)
        return group is not None and group["u_party"] == self.desk.config.party

    def _enqueue(
        self,
        ctx: WriteContext,
        table: str,
        record: Row,
        peer: str,
        operation: str,
        fields: dict[str, str],
    ) -> None:
        message = system_fields(ctx, owner_party="")
        key = f"{self.desk.config.id}:{message['sys_id']}"
        self.desk.store.insert(
            ctx.connection,
            OUTBOX,
            message
            | {
                "peer": peer,
                "operation": operation,
                "local_table": table,
                "local_sys_id": record["sys_id"],
                "local_number": record.get("number", ""),
                "payload": json.dumps(fields, sort_keys=True),
                "idempotency_key": key,
                "state": "queued",
                "attempts": "0",
                "next_attempt_at": ctx.now_text,
                "attempt_log": "[]",
            },
        )

    def _links(self, ctx: WriteContext, table: str, sys_id: str) -> list[Row]:
        links = self.desk.store.table(LINKS)
        return self.desk.store.select(
            ctx.connection,
            LINKS,
            and_(links.c.local_table == table, links.c.local_sys_id == sys_id),
        )

    def _new_link(self, ctx: WriteContext, table: str, record: Row, peer: str, role: str) -> Row:
        row = system_fields(ctx, owner_party="") | {
            "local_table": table,
            "local_sys_id": record["sys_id"],
            "local_number": record.get("number", ""),
            "peer": peer,
            "role": role,
            "remote_sys_id": "",
            "remote_number": "",
        }
        self.desk.store.insert(ctx.connection, LINKS, row)
        return row

    def _link_arrival(self, ctx: WriteContext, table: str, record: Row) -> Row:
        """A record another desk handed over: this desk does the work for that desk."""
        link = self._new_link(ctx, table, record, ctx.actor.party, role="worker")
        self.desk.store.update(
            ctx.connection,
            LINKS,
            link["sys_id"],
            {
                "remote_number": record["correlation_id"],
            },
        )
        return {**link, "remote_number": record["correlation_id"]}

    # -- delivery (outside any write transaction) ----------------------------------------------

    def next_due(self) -> datetime | None:
        """When the earliest deliverable message is due (messages to one desk go in order)."""
        heads = self._queue_heads()
        return min((parse_time(m["next_attempt_at"]) for m in heads), default=None)

    def fire(self, now: datetime) -> None:
        self.deliver_due(now)

    def writes_done(self, now: datetime) -> None:
        """Writes committed (a request, a party's action): send what they queued."""
        self.deliver_due(now)

    def deliver_due(self, now: datetime) -> None:
        """Attempt every message due by `now`, oldest first, one record-and-desk queue at a time.

        Never waits for another delivery run: a reply from the other desk may arrive (and queue
        more) while this desk is still sending, so a busy run is asked to go round once more.
        """
        while True:
            if not self._delivering.acquire(blocking=False):
                self._more.set()
                return
            try:
                self._more.clear()
                self._deliver_until_idle(now)
            finally:
                self._delivering.release()
            if not self._more.is_set():
                return

    def _deliver_until_idle(self, now: datetime) -> None:
        for _ in range(10_000):
            due = [m for m in self._queue_heads() if parse_time(m["next_attempt_at"]) <= now]
            if not due:
                return
            for message in due:
                self._attempt(message, now)

    def _queue_heads(self) -> list[Row]:
        store = self.desk.store
        outbox = store.table(OUTBOX)
        with store.reading() as connection:
            queued = store.select(connection, OUTBOX, outbox.c.state == "queued")
        heads: dict[tuple[str, str], Row] = {}
        for message in queued:
            heads.setdefault((message["local_sys_id"], message["peer"]), message)
        return list(heads.values())

    def _attempt(self, message: Row, now: datetime) -> None:
        peer = self.peers.get(message["peer"])
        outcome: tuple[str, str]
        remote: dict[str, Any] | None = None
        try:
            if peer is None:
                raise DeskUnreachable(f"no desk is known for party {message['peer']}")
            remote = self._send(peer, message)
            outcome = ("delivered", "")
        except _DeliveredUnbonded as error:
            outcome = ("proven", f"delivered; its copy is not found yet ({error})")
        except DeskError as error:
            permanent = error.status in PERMANENT_STATUSES
            outcome = ("failed" if permanent else "retry", f"{error.status} {error.message}")
        except DeskUnreachable as error:
            outcome = ("retry", str(error))
        self._record_outcome(message, now, outcome, remote)

    def _send(self, peer: Peer, message: Row) -> dict[str, Any] | None:
        client = self._client(peer)
        fields = json.loads(message["payload"]) | {IDEMPOTENCY_KEY: message["idempotency_key"]}
        table = message["local_table"]
        if message["operation"] == "create":
            try:
                return client.create(table, fields)
            except DeskError as error:
                if error.status != 409:
                    raise
            # A 409 proves an earlier attempt created the record (its answer was lost): the
            # hand-off is delivered whether or not the copy can be looked up now.
            try:
                return self._copy_of(client, message)
            except (DeskError, DeskUnreachable) as error:
                raise _DeliveredUnbonded(str(error)) from None
        remote_id = self._remote_sys_id(client, message)
        try:
            return client.update(table, remote_id, fields)
        except DeskError as error:
            if error.status != 409:
                raise
            return None  # applied by an earlier attempt whose answer was lost

    def _copy_of(self, client: DeskClient, message: Row) -> dict[str, Any]:
        """The other desk's copy of this record, found by the correlation it carries."""
        return client.find_one(
            message["local_table"],
            f"correlation_id={message['local_number']}^correlation_display={self.desk.config.id}",
        )

    def _remote_sys_id(self, client: DeskClient, message: Row) -> str:
        store = self.desk.store
        with store.reading() as connection:
            link = self._link_for(connection, message)
        if link["remote_sys_id"]:
            return link["remote_sys_id"]
        if link["remote_number"]:
            remote = client.find_one(message["local_table"], f"number={link['remote_number']}")
            with store.writing() as connection:
                store.update(connection, LINKS, link["sys_id"], {"remote_sys_id": remote["sys_id"]})
            return str(remote["sys_id"])
        # Delivered, but the create's answer never came back: bond now, from the copy found.
        remote = self._copy_of(client, message)
        with store.writing() as connection:
            now = self.desk.clock.now()
            self._bond(WriteContext(self.desk, connection, self.bookkeeper, now), message, remote)
        return str(remote["sys_id"])

    def _link_for(self, connection: Connection, message: Row) -> Row:
        links = self.desk.store.table(LINKS)
        rows = self.desk.store.select(
            connection,
            LINKS,
            and_(links.c.local_sys_id == message["local_sys_id"], links.c.peer == message["peer"]),
        )
        return rows[0]

    def _client(self, peer: Peer) -> DeskClient:
        if peer.party not in self._clients:
            self._clients[peer.party] = DeskClient(
                peer.base_url,
                Credentials(peer.user, peer.password),
                name=peer.name,
                timeout=DELIVERY_TIMEOUT,
            )
        return self._clients[peer.party]

    def _record_outcome(
        self, message: Row, now: datetime, outcome: tuple[str, str], remote: dict[str, Any] | None
    ) -> None:
        verdict, error = outcome
        attempts = int(message["attempts"]) + 1
        log = json.loads(message["attempt_log"] or "[]")
        log.append({"at": format_time(now), "outcome": error or "delivered"})
        proven = verdict == "proven" or bool(message["delivered_at"])
        if verdict == "proven":
            verdict = "retry"  # delivered: only the copy's number is still to learn
        if verdict == "retry" and attempts >= MAX_ATTEMPTS:
            # A delivered hand-off is never reported undelivered; a follow-up bonds it later.
            verdict = "delivered" if proven else "failed"
        values = {
            "attempts": str(attempts),
            "attempt_log": json.dumps(log),
            "last_error": error,
            "state": "queued" if verdict == "retry" else verdict,
        }
        if verdict == "retry":
            values["next_attempt_at"] = format_time(now + timedelta(seconds=retry_delay(attempts)))
        if (verdict == "delivered" or proven) and not message["delivered_at"]:
            values["delivered_at"] = format_time(now)
        store = self.desk.store
        with store.writing() as connection:
            store.update(connection, OUTBOX, message["sys_id"], values)
            ctx = WriteContext(self.desk, connection, self.bookkeeper, now)
            if verdict == "delivered" and remote and self._unbonded(ctx, message):
                self._bond(ctx, message, remote)
            if verdict == "failed":
                self._report_failure(ctx, message, attempts, error)

    def _unbonded(self, ctx: WriteContext, message: Row) -> bool:
        """Whether this desk has yet to learn the other side's number (a create's, or one whose
        answer was lost and that a later message has now found)."""
        return not self._link_for(ctx.connection, message)["remote_number"]

    def _bond(self, ctx: WriteContext, message: Row, remote: dict[str, Any]) -> None:
        """Both sides now know each other's number."""
        link = self._link_for(ctx.connection, message)
        peer = self.peers.get(message["peer"])
        self.desk.store.update(
            ctx.connection,
            LINKS,
            link["sys_id"],
            {
                "remote_sys_id": remote["sys_id"],
                "remote_number": remote["number"],
            },
        )
        name = peer.name if peer else message["peer"]
        values = {"correlation_id": remote["number"], "correlation_display": name}
        if self._is_copy(ctx, message):
            values = {}  # a record handed over by another desk keeps the originator's number
        update_record(
            ctx,
            message["local_table"],
            message["local_sys_id"],
            Submission(
                values=values,
                journals=[("work_notes", f"Handed to {name} as {remote['number']}.")],
            ),
        )

    def _is_copy(self, ctx: WriteContext, message: Row) -> bool:
        """Whether the record was itself handed to this desk by another (it works for that desk)."""
        links = self._links(ctx, message["local_table"], message["local_sys_id"])
        return any(link["role"] == "worker" for link in links)

    def _report_failure(self, ctx: WriteContext, message: Row, attempts: int, error: str) -> None:
        """An undeliverable hand-off shows on the record and is e-mailed to its group."""
        peer = self.peers.get(message["peer"])
        name = peer.name if peer else message["peer"]
        note = (
            f"E-bond {message['operation']} to {name} failed after {attempts} attempt(s): "
            f"{error}. The other desk has not received this change."
        )
        update_record(
            ctx,
            message["local_table"],
            message["local_sys_id"],
            Submission(journals=[("work_notes", note)]),
        )
        send_email(
            ctx,
            recipients=[f"servicedesk@{self.desk.config.id}.example"],
            subject=f"E-bond failure: {message['local_number']} to {name}",
            body=note,
            instance=message["local_sys_id"],
            target_table=message["local_table"],
        )
