"""Travel: cars by the distance the vehicle travelled, in scope 1 or 3 by purpose; flights, rail
bus and ferries per passenger (a distance times the passengers, or a passenger distance), taxis per
vehicle or passenger distance, in scope 3 as business travel (category 6) or commuting (category
7); hotel stays per room-night by country (category 6)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal

from ecotrack.carbon.engine.specs import ActivitySpec, OptionSpec

MAX_PASSENGERS: Final = 1_000_000_000
_PASSENGER_DISTANCE: Final = {"passenger_km": "km", "passenger_mile": "mile"}


_PASSENGERS = OptionSpec(
    "passengers", "travellers who each covered the distance", "count", 1, selector=False
)
_TRAVEL_PURPOSE = OptionSpec(
    "purpose",
    "business_travel (scope 3 category 6) or commuting (category 7)",
    "choice",
    "business_travel",
    selector=False,
    values=("business_travel", "commuting"),
)
_TRAVEL_PURPOSES: Final[Mapping[str, tuple[Literal[1, 2, 3], int | None]]] = {
    "business_travel": (3, 6),
    "commuting": (3, 7),
}


SPECS: Final[tuple[ActivitySpec, ...]] = (
    ActivitySpec(
        "vehicle.car",
        "Car travel; the quantity is the distance the vehicle travelled, whoever was in it",
        ("distance",),
        1,
        options=(
            OptionSpec(
                "size",
                "small, medium, large, average (US: average, light_truck)",
                default="average",
            ),
            OptionSpec("fuel", "fuel or powertrain (UK data)", default="unknown"),
            OptionSpec(
                "purpose",
                "company_vehicle (scope 1), business_travel (3.6) or commuting (3.7)",
                default="company_vehicle",
                match_as={"commuting": "business_travel"},
            ),
        ),
        global_default=True,
        purposes={"company_vehicle": (1, None), **_TRAVEL_PURPOSES},
    ),
    ActivitySpec(
        "travel.flight",
        "Air travel; the quantity is the distance each passenger flew",
        ("distance", "passenger_distance"),
        3,
        6,
        options=(
            OptionSpec(
                "haul",
                "UK: domestic, short, long, international; US: short, "
                "medium, long (the two datasets define the bands differently)",
            ),
            OptionSpec(
                "cabin_class",
                "average, economy, premium_economy, business, first",
                default="average",
            ),
            OptionSpec(
                "radiative_forcing",
                "include the non-CO2 uplift (UK data only)",
                "bool",
                default=False,
            ),
            _PASSENGERS,
            _TRAVEL_PURPOSE,
        ),
        global_default=True,
        per_passenger=True,
        purposes=_TRAVEL_PURPOSES,
    ),
    ActivitySpec(
        "travel.rail",
        "Rail travel; the quantity is the distance each passenger travelled",
        ("distance", "passenger_distance"),
        3,
        6,
        options=(
            OptionSpec("type", "kind of rail service", default="national_rail"),
            _PASSENGERS,
            _TRAVEL_PURPOSE,
        ),
        per_passenger=True,
        purposes=_TRAVEL_PURPOSES,
    ),
    ActivitySpec(
        "travel.bus",
        "Bus travel; the quantity is the distance each passenger travelled",
        ("distance", "passenger_distance"),
        3,
        6,
        options=(
            OptionSpec("type", "kind of bus service", default="local_average"),
            _PASSENGERS,
            _TRAVEL_PURPOSE,
        ),
        per_passenger=True,
        purposes=_TRAVEL_PURPOSES,
    ),
    ActivitySpec(
        "travel.taxi",
        "Taxi travel; the quantity is the distance the taxi travelled (km, mile), or the "
        "distance each passenger travelled (passenger_km)",
        ("distance", "passenger_distance"),
        3,
        6,
        options=(
            OptionSpec("type", "regular_taxi or black_cab", default="regular_taxi"),
            _TRAVEL_PURPOSE,
        ),
        purposes=_TRAVEL_PURPOSES,
    ),
    ActivitySpec(
        "travel.ferry",
        "Ferry travel; the quantity is the distance each passenger travelled",
        ("distance", "passenger_distance"),
        3,
        6,
        options=(
            OptionSpec(
                "type",
                "foot_passenger, car_passenger or average (all passengers)",
                default="average",
            ),
            _PASSENGERS,
            _TRAVEL_PURPOSE,
        ),
        per_passenger=True,
        purposes=_TRAVEL_PURPOSES,
    ),
    ActivitySpec(
        "travel.hotel",
        "Hotel stays; the quantity is room-nights, in the country the country option names",
        ("room_nights",),
        3,
        6,
        options=(
            OptionSpec(
                "country",
                "country of the hotel as DESNZ names it, slugged (uk, uk_london, france, "
                "united_states, ...)",
            ),
        ),
        global_default=True,
    ),
)
# factors by the country of the stay, whatever the activity's region
_BY_COUNTRY: Final = frozenset({"travel.hotel"})
