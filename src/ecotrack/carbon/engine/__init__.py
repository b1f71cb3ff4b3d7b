"""The activity catalogue and the calculation: activity data in, kg CO2e and its audit trail out.

The modules, each importing only those listed before it:

- ``specs``: what an activity and its options are (:class:`ActivitySpec`, :class:`OptionSpec`);
- ``fuels``, ``electricity``, ``travel``, ``gases``, ``waste``: the activity families, each
  with its catalogue entries and the rules specific to it (electricity: what a factor's
  basis is; travel: passengers and purpose; gases: the region-free direct mass);
- ``catalogue``: :data:`ACTIVITIES`, assembled from the families, and the scope 3 categories;
- ``memo``: what the engine keeps per factor library, and the shapes of what it keeps;
- ``resolution``: a request routed to a dataset and region, and one factor chosen (the
  order is in its docstring);
- ``validation``: a request, its options and a private factor's electricity basis checked;
- ``calculation``: a factor applied to an amount in its unit, and the factor used;
- ``market``: the Scope 2 market-based figure, by the Scope 2 Guidance's hierarchy;
- ``estimates``: :func:`estimate`, the batches, :func:`private_factor`, :func:`list_activities`.
"""

from ecotrack.carbon.engine.catalogue import ACTIVITIES, SCOPE3_CATEGORIES
from ecotrack.carbon.engine.estimates import (
    MAX_BATCH_ITEMS,
    MAX_CO2E_KG,
    estimate,
    estimate_batch,
    iter_batch,
    list_activities,
    private_factor,
)
from ecotrack.carbon.engine.specs import ActivitySpec, OptionSpec
from ecotrack.carbon.engine.travel import MAX_PASSENGERS
from ecotrack.carbon.engine.validation import MAX_OPTION_NUMBER, METHODS, check_region

__all__ = [
    "ACTIVITIES",
    "MAX_BATCH_ITEMS",
    "MAX_CO2E_KG",
    "MAX_OPTION_NUMBER",
    "MAX_PASSENGERS",
    "METHODS",
    "SCOPE3_CATEGORIES",
    "ActivitySpec",
    "OptionSpec",
    "check_region",
    "estimate",
    "estimate_batch",
    "iter_batch",
    "list_activities",
    "private_factor",
]
