/**
 * Real answers captured from `ecotrack up` (the seeded demo organisation, with
 * `ecotrack simulate` streaming its live meters), for the shaping tests.
 */
import type { components } from "../../api/schema";
import type { ActivityInfo, Anomaly, Facility, Meter, Reading, ReadingsAnswer } from "./types";

type FacetCount = components["schemas"]["FacetCount"];

/** GET /api/v1/carbon/facilities */
export const facilities: Facility[] = [
  {
    "name": "London office",
    "address": "",
    "region": "GB",
    "floor_area_m2": 1200.0,
    "type": "office",
    "unit_id": null,
    "id": "f94b1990-323a-4dfa-99af-f2ff390d3075",
    "created_at": "2026-12-02T05:10:04.821508Z"
  },
  {
    "name": "Austin warehouse",
    "address": "",
    "region": "US-TX",
    "floor_area_m2": 5000.0,
    "type": "warehouse",
    "unit_id": null,
    "id": "8dd8aaa4-7653-4640-bcee-d0426befbfdb",
    "created_at": "2026-12-02T05:10:04.851747Z"
  }
];

/** GET /api/v1/carbon/meters */
export const meters: Meter[] = [
  {
    "id": "3cfff663-daf4-4488-8c21-647abe0facd1",
    "facility_id": "f94b1990-323a-4dfa-99af-f2ff390d3075",
    "name": "Main water",
    "kind": "water",
    "unit": "m3",
    "region": "GB",
    "activity": null,
    "options": {},
    "created_at": "2026-12-02T05:10:10.619075Z"
  },
  {
    "id": "dd784f31-b0ed-42d8-9d8a-599db94a6aa5",
    "facility_id": "f94b1990-323a-4dfa-99af-f2ff390d3075",
    "name": "London office — live electricity",
    "kind": "electricity",
    "unit": "kWh",
    "region": "GB",
    "activity": "electricity.grid",
    "options": {},
    "created_at": "2026-12-02T05:10:10.698326Z"
  },
  {
    "id": "f97661e2-b601-41b7-9d82-7fe9da234e99",
    "facility_id": "8dd8aaa4-7653-4640-bcee-d0426befbfdb",
    "name": "Austin warehouse — live electricity",
    "kind": "electricity",
    "unit": "kWh",
    "region": "US-TX",
    "activity": "electricity.grid",
    "options": {},
    "created_at": "2026-12-02T05:10:10.711440Z"
  },
  {
    "id": "855e326d-580a-452c-be58-bc2580dac85c",
    "facility_id": "f94b1990-323a-4dfa-99af-f2ff390d3075",
    "name": "London office — live gas",
    "kind": "natural_gas",
    "unit": "kWh",
    "region": "GB",
    "activity": "fuel.natural_gas",
    "options": {},
    "created_at": "2026-12-02T05:10:10.733624Z"
  }
];

/** GET /api/v1/carbon/meters/dd784f31-…/readings?from=2026-12-02T05:10:00Z (the simulator's live electricity meter) */
export const liveFirst: Reading[] = [
  {
    "ts": "2026-12-02T05:10:00Z",
    "value": 0.081957
  },
  {
    "ts": "2026-12-02T05:10:10Z",
    "value": 0.085566
  },
  {
    "ts": "2026-12-02T05:10:20Z",
    "value": 0.086666
  },
  {
    "ts": "2026-12-02T05:10:30Z",
    "value": 0.086797
  },
  {
    "ts": "2026-12-02T05:10:40Z",
    "value": 0.086604
  },
  {
    "ts": "2026-12-02T05:10:50Z",
    "value": 0.086492
  },
  {
    "ts": "2026-12-02T05:11:00Z",
    "value": 0.083641
  },
  {
    "ts": "2026-12-02T05:11:10Z",
    "value": 0.085551
  },
  {
    "ts": "2026-12-02T05:11:20Z",
    "value": 0.081301
  },
  {
    "ts": "2026-12-02T05:11:30Z",
    "value": 0.08678
  },
  {
    "ts": "2026-12-02T05:11:40Z",
    "value": 0.08697
  },
  {
    "ts": "2026-12-02T05:11:50Z",
    "value": 0.084891
  },
  {
    "ts": "2026-12-02T05:12:00Z",
    "value": 0.088296
  },
  {
    "ts": "2026-12-02T05:12:10Z",
    "value": 0.085669
  },
  {
    "ts": "2026-12-02T05:12:20Z",
    "value": 0.084807
  },
  {
    "ts": "2026-12-02T05:12:30Z",
    "value": 0.084397
  },
  {
    "ts": "2026-12-02T05:12:40Z",
    "value": 0.08283
  },
  {
    "ts": "2026-12-02T05:12:50Z",
    "value": 0.087658
  },
  {
    "ts": "2026-12-02T05:13:00Z",
    "value": 0.087229
  },
  {
    "ts": "2026-12-02T05:13:10Z",
    "value": 0.083709
  },
  {
    "ts": "2026-12-02T05:13:20Z",
    "value": 0.083605
  },
  {
    "ts": "2026-12-02T05:13:50Z",
    "value": 0.083605
  },
  {
    "ts": "2026-12-02T05:14:00Z",
    "value": 0.087344
  }
];

/** the next poll, 12 s later: GET …/readings?from=2026-12-02T05:14:00Z (the last ts seen; `from` is inclusive) */
export const livePoll: Reading[] = [
  {
    "ts": "2026-12-02T05:14:00Z",
    "value": 0.087344
  },
  {
    "ts": "2026-12-02T05:14:10Z",
    "value": 0.082056
  }
];

/** GET /api/v1/analytics/readings?meter_id=dd784f31-…&from=2026-12-01&to=2026-12-02&granularity=hour */
export const liveHourly: ReadingsAnswer = {
  "meter_id": "dd784f31-b0ed-42d8-9d8a-599db94a6aa5",
  "granularity": "hour",
  "kind": "electricity",
  "unit": "kWh",
  "rows": [
    {
      "period": "2026-12-02T04:00:00Z",
      "count": 281,
      "sum": 14.059683000000001,
      "min": 0.030505,
      "max": 0.089464
    },
    {
      "period": "2026-12-02T05:00:00Z",
      "count": 84,
      "sum": 7.205282,
      "min": 0.080859,
      "max": 0.089989
    }
  ]
};

/** GET /api/v1/analytics/readings?meter_id=3cfff663-…&from=2026-10-26&to=2026-10-29&granularity=hour (rows of 28 October only) */
export const waterHourlyOct28: ReadingsAnswer = {
  "meter_id": "3cfff663-daf4-4488-8c21-647abe0facd1",
  "granularity": "hour",
  "kind": "water",
  "unit": "m3",
  "rows": [
    {
      "period": "2026-10-28T00:00:00Z",
      "count": 1,
      "sum": 0.15,
      "min": 0.15,
      "max": 0.15
    },
    {
      "period": "2026-10-28T01:00:00Z",
      "count": 1,
      "sum": 0.15,
      "min": 0.15,
      "max": 0.15
    },
    {
      "period": "2026-10-28T02:00:00Z",
      "count": 1,
      "sum": 0.15,
      "min": 0.15,
      "max": 0.15
    },
    {
      "period": "2026-10-28T03:00:00Z",
      "count": 1,
      "sum": 3.0,
      "min": 3.0,
      "max": 3.0
    },
    {
      "period": "2026-10-28T04:00:00Z",
      "count": 1,
      "sum": 0.15,
      "min": 0.15,
      "max": 0.15
    },
    {
      "period": "2026-10-28T05:00:00Z",
      "count": 1,
      "sum": 0.15,
      "min": 0.15,
      "max": 0.15
    },
    {
      "period": "2026-10-28T06:00:00Z",
      "count": 1,
      "sum": 0.15,
      "min": 0.15,
      "max": 0.15
    },
    {
      "period": "2026-10-28T07:00:00Z",
      "count": 1,
      "sum": 0.15,
      "min": 0.15,
      "max": 0.15
    },
    {
      "period": "2026-10-28T08:00:00Z",
      "count": 1,
      "sum": 1.2,
      "min": 1.2,
      "max": 1.2
    },
    {
      "period": "2026-10-28T09:00:00Z",
      "count": 1,
      "sum": 1.2,
      "min": 1.2,
      "max": 1.2
    },
    {
      "period": "2026-10-28T10:00:00Z",
      "count": 1,
      "sum": 1.2,
      "min": 1.2,
      "max": 1.2
    },
    {
      "period": "2026-10-28T11:00:00Z",
      "count": 1,
      "sum": 1.2,
      "min": 1.2,
      "max": 1.2
    },
    {
      "period": "2026-10-28T12:00:00Z",
      "count": 1,
      "sum": 1.2,
      "min": 1.2,
      "max": 1.2
    },
    {
      "period": "2026-10-28T13:00:00Z",
      "count": 1,
      "sum": 1.2,
      "min": 1.2,
      "max": 1.2
    },
    {
      "period": "2026-10-28T14:00:00Z",
      "count": 1,
      "sum": 1.2,
      "min": 1.2,
      "max": 1.2
    },
    {
      "period": "2026-10-28T15:00:00Z",
      "count": 1,
      "sum": 1.2,
      "min": 1.2,
      "max": 1.2
    },
    {
      "period": "2026-10-28T16:00:00Z",
      "count": 1,
      "sum": 1.2,
      "min": 1.2,
      "max": 1.2
    },
    {
      "period": "2026-10-28T17:00:00Z",
      "count": 1,
      "sum": 1.2,
      "min": 1.2,
      "max": 1.2
    },
    {
      "period": "2026-10-28T18:00:00Z",
      "count": 1,
      "sum": 0.15,
      "min": 0.15,
      "max": 0.15
    },
    {
      "period": "2026-10-28T19:00:00Z",
      "count": 1,
      "sum": 0.15,
      "min": 0.15,
      "max": 0.15
    },
    {
      "period": "2026-10-28T20:00:00Z",
      "count": 1,
      "sum": 0.15,
      "min": 0.15,
      "max": 0.15
    },
    {
      "period": "2026-10-28T21:00:00Z",
      "count": 1,
      "sum": 0.15,
      "min": 0.15,
      "max": 0.15
    },
    {
      "period": "2026-10-28T22:00:00Z",
      "count": 1,
      "sum": 0.15,
      "min": 0.15,
      "max": 0.15
    },
    {
      "period": "2026-10-28T23:00:00Z",
      "count": 1,
      "sum": 0.15,
      "min": 0.15,
      "max": 0.15
    }
  ]
};

/** GET /api/v1/analytics/readings?meter_id=3cfff663-…&from=2026-09-02&to=2026-12-02&granularity=day */
export const waterDaily: ReadingsAnswer = {
  "meter_id": "3cfff663-daf4-4488-8c21-647abe0facd1",
  "granularity": "day",
  "kind": "water",
  "unit": "m3",
  "rows": [
    {
      "period": "2026-09-07T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-09-08T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-09-09T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-09-10T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-09-11T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-09-12T00:00:00Z",
      "count": 24,
      "sum": 3.5999999999999988,
      "min": 0.15,
      "max": 0.15
    },
    {
      "period": "2026-09-13T00:00:00Z",
      "count": 24,
      "sum": 3.5999999999999988,
      "min": 0.15,
      "max": 0.15
    },
    {
      "period": "2026-09-14T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-09-15T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-09-16T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-09-17T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-09-18T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-09-19T00:00:00Z",
      "count": 24,
      "sum": 3.5999999999999988,
      "min": 0.15,
      "max": 0.15
    },
    {
      "period": "2026-09-20T00:00:00Z",
      "count": 24,
      "sum": 3.5999999999999988,
      "min": 0.15,
      "max": 0.15
    },
    {
      "period": "2026-09-21T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-09-22T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-09-23T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-09-24T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-09-25T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-09-26T00:00:00Z",
      "count": 24,
      "sum": 3.5999999999999988,
      "min": 0.15,
      "max": 0.15
    },
    {
      "period": "2026-09-27T00:00:00Z",
      "count": 24,
      "sum": 3.5999999999999988,
      "min": 0.15,
      "max": 0.15
    },
    {
      "period": "2026-09-28T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-09-29T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-09-30T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-10-01T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-10-02T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-10-03T00:00:00Z",
      "count": 24,
      "sum": 3.5999999999999988,
      "min": 0.15,
      "max": 0.15
    },
    {
      "period": "2026-10-04T00:00:00Z",
      "count": 24,
      "sum": 3.5999999999999988,
      "min": 0.15,
      "max": 0.15
    },
    {
      "period": "2026-10-05T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-10-06T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-10-07T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-10-08T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-10-09T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-10-10T00:00:00Z",
      "count": 24,
      "sum": 3.5999999999999988,
      "min": 0.15,
      "max": 0.15
    },
    {
      "period": "2026-10-11T00:00:00Z",
      "count": 24,
      "sum": 3.5999999999999988,
      "min": 0.15,
      "max": 0.15
    },
    {
      "period": "2026-10-12T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-10-13T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-10-14T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-10-15T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-10-16T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-10-17T00:00:00Z",
      "count": 24,
      "sum": 3.5999999999999988,
      "min": 0.15,
      "max": 0.15
    },
    {
      "period": "2026-10-18T00:00:00Z",
      "count": 24,
      "sum": 3.5999999999999988,
      "min": 0.15,
      "max": 0.15
    },
    {
      "period": "2026-10-19T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-10-20T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-10-21T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-10-22T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-10-23T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-10-24T00:00:00Z",
      "count": 24,
      "sum": 3.5999999999999988,
      "min": 0.15,
      "max": 0.15
    },
    {
      "period": "2026-10-25T00:00:00Z",
      "count": 24,
      "sum": 3.5999999999999988,
      "min": 0.15,
      "max": 0.15
    },
    {
      "period": "2026-10-26T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-10-27T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-10-28T00:00:00Z",
      "count": 24,
      "sum": 16.94999999999999,
      "min": 0.15,
      "max": 3.0
    },
    {
      "period": "2026-10-29T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-10-30T00:00:00Z",
      "count": 24,
      "sum": 14.1,
      "min": 0.15,
      "max": 1.2
    },
    {
      "period": "2026-10-31T00:00:00Z",
      "count": 24,
      "sum": 3.5999999999999988,
      "min": 0.15,
      "max": 0.15
    },
    {
      "period": "2026-11-01T00:00:00Z",
      "count": 24,
      "sum": 3.5999999999999988,
      "min": 0.15,
      "max": 0.15
    }
  ]
};

/** GET /api/v1/carbon/meters/3cfff663-…/readings?from=2026-10-28T00:00:00Z&to=2026-10-28T06:00:00Z */
export const waterRawLeak: Reading[] = [
  {
    "ts": "2026-10-28T00:00:00Z",
    "value": 0.15
  },
  {
    "ts": "2026-10-28T01:00:00Z",
    "value": 0.15
  },
  {
    "ts": "2026-10-28T02:00:00Z",
    "value": 0.15
  },
  {
    "ts": "2026-10-28T03:00:00Z",
    "value": 3.0
  },
  {
    "ts": "2026-10-28T04:00:00Z",
    "value": 0.15
  },
  {
    "ts": "2026-10-28T05:00:00Z",
    "value": 0.15
  }
];

/** GET /api/v1/analytics/anomalies?meter_id=3cfff663-… */
export const waterAnomalies: Anomaly[] = [
  {
    "id": "e13e8424-fc7f-54cb-b756-1ca85c24f586",
    "meter_id": "3cfff663-daf4-4488-8c21-647abe0facd1",
    "hour": "2026-10-28T03:00:00Z",
    "value": 3.0,
    "expected": 0.15,
    "score": 380.0,
    "detected_at": "2026-12-02T05:10:15.459634Z",
    "acknowledged_at": null,
    "acknowledged_by": null
  }
];

/** GET /api/v1/carbon/activities (the meter kinds' activities only) */
export const catalogue: ActivityInfo[] = [
  {
    "id": "fuel.natural_gas",
    "description": "Stationary combustion of natural gas",
    "scope": 1,
    "scope3_category": null,
    "accepted_units": [
      "kWh",
      "Wh",
      "MWh",
      "GWh",
      "MJ",
      "GJ",
      "TJ",
      "therm",
      "therms",
      "MMBtu",
      "mmBtu",
      "L",
      "l",
      "litre",
      "litres",
      "liter",
      "liters",
      "m3",
      "m^3",
      "gallon",
      "gallons",
      "US_gallon",
      "imperial_gallon",
      "UK_gallon",
      "scf",
      "ft3",
      "g",
      "kg",
      "t",
      "tonne",
      "tonnes",
      "short_ton",
      "lb"
    ],
    "options": [
      {
        "name": "calorific_basis",
        "description": "gross (HHV) or net (LHV) calorific value of energy quantities",
        "default": "gross",
        "values": [
          "gross",
          "net"
        ]
      }
    ]
  },
  {
    "id": "electricity.grid",
    "description": "Electricity taken from the grid (scope 2, dual reporting)",
    "scope": 2,
    "scope3_category": null,
    "accepted_units": [
      "kWh",
      "Wh",
      "MWh",
      "GWh",
      "MJ",
      "GJ",
      "TJ",
      "therm",
      "therms",
      "MMBtu",
      "mmBtu"
    ],
    "options": [
      {
        "name": "contract_factor_kg_per_kwh",
        "description": "market-based: the organisation's contractual kg CO2e/kWh",
        "default": null,
        "values": null
      }
    ]
  },
  {
    "id": "heat.steam",
    "description": "Purchased heat and steam",
    "scope": 2,
    "scope3_category": null,
    "accepted_units": [
      "kWh",
      "Wh",
      "MWh",
      "GWh",
      "MJ",
      "GJ",
      "TJ",
      "therm",
      "therms",
      "MMBtu",
      "mmBtu"
    ],
    "options": [
      {
        "name": "supply",
        "description": "district or onsite (UK data)",
        "default": "district",
        "values": [
          "district",
          "onsite"
        ]
      }
    ]
  }
];

/** GET /api/v1/carbon/factors?limit=2: facets.region (six of its 292 entries) */
export const regionFacet: FacetCount[] = [
  {
    "value": "*",
    "count": 235
  },
  {
    "value": "AE",
    "count": 1
  },
  {
    "value": "GB",
    "count": 1114
  },
  {
    "value": "US",
    "count": 227
  },
  {
    "value": "US-ERCT",
    "count": 1
  },
  {
    "value": "US-TX",
    "count": 1
  }
];
