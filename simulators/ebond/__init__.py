"""E-bonding between desks: the durable outbox, what crosses a bond, and the peers it reaches."""

from simulators.ebond.bonding import EBond
from simulators.ebond.peers import Peer, PeerDirectory, ebond_user, is_ebond_user
from simulators.ebond.tables import EBOND_LINK, EBOND_MESSAGE, EBOND_RECEIPT

__all__ = [
    "EBOND_LINK",
    "EBOND_MESSAGE",
    "EBOND_RECEIPT",
    "EBond",
    "Peer",
    "PeerDirectory",
    "ebond_user",
    "is_ebond_user",
]
