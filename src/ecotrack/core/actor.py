"""Who is acting, for the audit trail: the verified caller and the address they came from.

A route that makes an audited change takes :data:`ActorDep` and passes the
:class:`~ecotrack.core.events.envelope.Actor` to ``Event.new(..., actor=...)``, so the
event carries it to Users' audit log (docs/events.md). The address is the one the gateway
saw (:func:`ecotrack.core.http.client_address`).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from ecotrack.core.events.envelope import Actor
from ecotrack.core.http import client_address
from ecotrack.core.security import CallerDep


def request_actor(request: Request, identity: CallerDep) -> Actor:
    return Actor(id=identity.subject, kind=identity.kind, address=client_address(request))


ActorDep = Annotated[Actor, Depends(request_actor)]

__all__ = ["Actor", "ActorDep", "request_actor"]
