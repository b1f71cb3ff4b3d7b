/**
 * Real answers captured from the analytics and carbon APIs of a local `ecotrack up` on 2 December 2026
 * (the seeded demo organisation, January 2024 – October 2026 of data; and a newly signed-up
 * organisation with none). Typed with the overview's narrow types, so tsc checks them too.
 */
import type {
  Anomaly,
  CategoryRow,
  ChangeAnswer,
  CoverageAnswer,
  Denominator,
  EmissionsAnswer,
  Facility,
  FacilityRow,
  ForecastAnswer,
  IntensityAnswer,
  Meter,
  ScopeMonthRow,
  ScopeRow,
  ScopeYearRow,
  Target,
  TargetProgress,
} from "./types";

/** GET /analytics/emissions?from=2026-01-01&to=2026-12-02&group_by=scope&scope2_method=location (demo) */
export const ytd: EmissionsAnswer<ScopeRow> = {
  "from": "2026-01-01",
  "to": "2026-12-02",
  "group_by": [
    "scope"
  ],
  "scope2_method": "location",
  "total_co2e_kg": 163134.053417,
  "rows": [
    {
      "scope": 1,
      "co2e_kg": 12542.129
    },
    {
      "scope": 2,
      "co2e_kg": 148809.198117
    },
    {
      "scope": 3,
      "co2e_kg": 1782.7263
    }
  ]
};

/** GET /analytics/emissions/change?from=2026-01-01&to=2026-12-02&compare=previous_year (demo) */
export const change: ChangeAnswer = {
  "compare": "previous_year",
  "current": {
    "from": "2026-01-01",
    "to": "2026-12-02"
  },
  "previous": {
    "from": "2025-01-01",
    "to": "2025-12-02"
  },
  "total": {
    "key": {},
    "co2e_kg": 163134.053417,
    "previous_co2e_kg": 188999.726256,
    "change_kg": -25865.672839,
    "change_pct": -13.6856
  },
  "rows": []
};

/** GET /analytics/emissions?from=2026-01-01&to=2026-12-31&group_by=scope,month (demo) */
export const monthly2026: EmissionsAnswer<ScopeMonthRow> = {
  "from": "2026-01-01",
  "to": "2026-12-31",
  "group_by": [
    "scope",
    "month"
  ],
  "scope2_method": "location",
  "total_co2e_kg": 163134.053417,
  "rows": [
    {
      "scope": 1,
      "month": "2026-01",
      "co2e_kg": 2192.38016
    },
    {
      "scope": 1,
      "month": "2026-02",
      "co2e_kg": 2081.72566
    },
    {
      "scope": 1,
      "month": "2026-03",
      "co2e_kg": 1779.57486
    },
    {
      "scope": 1,
      "month": "2026-04",
      "co2e_kg": 1366.95246
    },
    {
      "scope": 1,
      "month": "2026-05",
      "co2e_kg": 954.33006
    },
    {
      "scope": 1,
      "month": "2026-06",
      "co2e_kg": 652.17926
    },
    {
      "scope": 1,
      "month": "2026-07",
      "co2e_kg": 541.52476
    },
    {
      "scope": 1,
      "month": "2026-08",
      "co2e_kg": 652.17926
    },
    {
      "scope": 1,
      "month": "2026-09",
      "co2e_kg": 954.33006
    },
    {
      "scope": 1,
      "month": "2026-10",
      "co2e_kg": 1366.95246
    },
    {
      "scope": 2,
      "month": "2026-01",
      "co2e_kg": 12647.420746
    },
    {
      "scope": 2,
      "month": "2026-02",
      "co2e_kg": 12910.726127
    },
    {
      "scope": 2,
      "month": "2026-03",
      "co2e_kg": 13630.063383
    },
    {
      "scope": 2,
      "month": "2026-04",
      "co2e_kg": 14612.498969
    },
    {
      "scope": 2,
      "month": "2026-05",
      "co2e_kg": 15594.934555
    },
    {
      "scope": 2,
      "month": "2026-06",
      "co2e_kg": 16314.271811
    },
    {
      "scope": 2,
      "month": "2026-07",
      "co2e_kg": 16577.577191
    },
    {
      "scope": 2,
      "month": "2026-08",
      "co2e_kg": 16314.271811
    },
    {
      "scope": 2,
      "month": "2026-09",
      "co2e_kg": 15594.934555
    },
    {
      "scope": 2,
      "month": "2026-10",
      "co2e_kg": 14612.498969
    },
    {
      "scope": 3,
      "month": "2026-03",
      "co2e_kg": 594.2421
    },
    {
      "scope": 3,
      "month": "2026-06",
      "co2e_kg": 594.2421
    },
    {
      "scope": 3,
      "month": "2026-09",
      "co2e_kg": 594.2421
    }
  ]
};

/** GET /analytics/emissions?from=2025-01-01&to=2025-12-31&group_by=scope,month (demo) */
export const monthly2025: EmissionsAnswer<ScopeMonthRow> = {
  "from": "2025-01-01",
  "to": "2025-12-31",
  "group_by": [
    "scope",
    "month"
  ],
  "scope2_method": "location",
  "total_co2e_kg": 204348.301344,
  "rows": [
    {
      "scope": 1,
      "month": "2025-01",
      "co2e_kg": 2307.71625
    },
    {
      "scope": 1,
      "month": "2025-02",
      "co2e_kg": 2191.39185
    },
    {
      "scope": 1,
      "month": "2025-03",
      "co2e_kg": 1873.32875
    },
    {
      "scope": 1,
      "month": "2025-04",
      "co2e_kg": 1438.94125
    },
    {
      "scope": 1,
      "month": "2025-05",
      "co2e_kg": 1004.55375
    },
    {
      "scope": 1,
      "month": "2025-06",
      "co2e_kg": 686.49065
    },
    {
      "scope": 1,
      "month": "2025-07",
      "co2e_kg": 570.16625
    },
    {
      "scope": 1,
      "month": "2025-08",
      "co2e_kg": 686.49065
    },
    {
      "scope": 1,
      "month": "2025-09",
      "co2e_kg": 1004.55375
    },
    {
      "scope": 1,
      "month": "2025-10",
      "co2e_kg": 1438.94125
    },
    {
      "scope": 1,
      "month": "2025-11",
      "co2e_kg": 1873.32875
    },
    {
      "scope": 1,
      "month": "2025-12",
      "co2e_kg": 2191.39185
    },
    {
      "scope": 2,
      "month": "2025-01",
      "co2e_kg": 13313.183444
    },
    {
      "scope": 2,
      "month": "2025-02",
      "co2e_kg": 13590.18767
    },
    {
      "scope": 2,
      "month": "2025-03",
      "co2e_kg": 14347.380653
    },
    {
      "scope": 2,
      "month": "2025-04",
      "co2e_kg": 15381.577862
    },
    {
      "scope": 2,
      "month": "2025-05",
      "co2e_kg": 16415.775071
    },
    {
      "scope": 2,
      "month": "2025-06",
      "co2e_kg": 17172.968054
    },
    {
      "scope": 2,
      "month": "2025-07",
      "co2e_kg": 17449.97228
    },
    {
      "scope": 2,
      "month": "2025-08",
      "co2e_kg": 17172.968054
    },
    {
      "scope": 2,
      "month": "2025-09",
      "co2e_kg": 16415.775071
    },
    {
      "scope": 2,
      "month": "2025-10",
      "co2e_kg": 15381.577862
    },
    {
      "scope": 2,
      "month": "2025-11",
      "co2e_kg": 14347.380653
    },
    {
      "scope": 2,
      "month": "2025-12",
      "co2e_kg": 13590.18767
    },
    {
      "scope": 3,
      "month": "2025-03",
      "co2e_kg": 625.518
    },
    {
      "scope": 3,
      "month": "2025-06",
      "co2e_kg": 625.518
    },
    {
      "scope": 3,
      "month": "2025-09",
      "co2e_kg": 625.518
    },
    {
      "scope": 3,
      "month": "2025-12",
      "co2e_kg": 625.518
    }
  ]
};

/** GET /analytics/emissions?from=1900-01-01&to=2026-12-31&group_by=scope,year&scope2_method=location (demo) */
export const scopeYear: EmissionsAnswer<ScopeYearRow> = {
  "from": "1900-01-01",
  "to": "2026-12-31",
  "group_by": [
    "scope",
    "year"
  ],
  "scope2_method": "location",
  "total_co2e_kg": 582585.82986,
  "rows": [
    {
      "scope": 1,
      "year": 2024,
      "co2e_kg": 18176.1
    },
    {
      "scope": 1,
      "year": 2025,
      "co2e_kg": 17267.295
    },
    {
      "scope": 1,
      "year": 2026,
      "co2e_kg": 12542.129
    },
    {
      "scope": 2,
      "year": 2024,
      "co2e_kg": 194293.615099
    },
    {
      "scope": 2,
      "year": 2025,
      "co2e_kg": 184578.934344
    },
    {
      "scope": 2,
      "year": 2026,
      "co2e_kg": 148809.198117
    },
    {
      "scope": 3,
      "year": 2024,
      "co2e_kg": 2633.76
    },
    {
      "scope": 3,
      "year": 2025,
      "co2e_kg": 2502.072
    },
    {
      "scope": 3,
      "year": 2026,
      "co2e_kg": 1782.7263
    }
  ]
};

/** GET /analytics/emissions/top?from=2026-01-01&to=2026-12-02&by=facility&limit=5 (demo) */
export const topFacility: EmissionsAnswer<FacilityRow> = {
  "from": "2026-01-01",
  "to": "2026-12-02",
  "group_by": [
    "facility"
  ],
  "scope2_method": "location",
  "total_co2e_kg": 163134.053417,
  "rows": [
    {
      "facility": "c538fb77-588a-4fe6-89ac-2c32a98f74c9",
      "co2e_kg": 123414.308567
    },
    {
      "facility": "e0bfb156-1767-4cbf-80ed-9751d8474af6",
      "co2e_kg": 34171.52895
    },
    {
      "facility": null,
      "co2e_kg": 5548.2159
    }
  ]
};

/** GET /analytics/emissions/top?from=2026-01-01&to=2026-12-02&by=category&limit=5&scope=3 (demo) */
export const topCategory: EmissionsAnswer<CategoryRow> = {
  "from": "2026-01-01",
  "to": "2026-12-02",
  "group_by": [
    "category"
  ],
  "scope2_method": "location",
  "total_co2e_kg": 1782.7263,
  "rows": [
    {
      "category": 6,
      "co2e_kg": 1782.7263
    }
  ]
};

/** GET /analytics/coverage?from=2026-01-01&to=2026-12-02 (demo) */
export const coverage: CoverageAnswer = {
  "months": [
    "2026-01",
    "2026-02",
    "2026-03",
    "2026-04",
    "2026-05",
    "2026-06",
    "2026-07",
    "2026-08",
    "2026-09",
    "2026-10",
    "2026-11",
    "2026-12"
  ],
  "months_without_any_data": [
    "2026-11",
    "2026-12"
  ],
  "facilities": [
    {
      "facility_id": null,
      "months_with_data": 10,
      "months_without_data": [
        "2026-11",
        "2026-12"
      ]
    },
    {
      "facility_id": "c538fb77-588a-4fe6-89ac-2c32a98f74c9",
      "months_with_data": 10,
      "months_without_data": [
        "2026-11",
        "2026-12"
      ]
    },
    {
      "facility_id": "e0bfb156-1767-4cbf-80ed-9751d8474af6",
      "months_with_data": 10,
      "months_without_data": [
        "2026-11",
        "2026-12"
      ]
    }
  ]
};

/** GET /analytics/coverage?from=2025-01-01&to=2025-12-31 (demo) */
export const coverage2025: CoverageAnswer = {
  "months": [
    "2025-01",
    "2025-02",
    "2025-03",
    "2025-04",
    "2025-05",
    "2025-06",
    "2025-07",
    "2025-08",
    "2025-09",
    "2025-10",
    "2025-11",
    "2025-12"
  ],
  "months_without_any_data": [],
  "facilities": [
    {
      "facility_id": null,
      "months_with_data": 12,
      "months_without_data": []
    },
    {
      "facility_id": "c538fb77-588a-4fe6-89ac-2c32a98f74c9",
      "months_with_data": 12,
      "months_without_data": []
    },
    {
      "facility_id": "e0bfb156-1767-4cbf-80ed-9751d8474af6",
      "months_with_data": 12,
      "months_without_data": []
    }
  ]
};

/** GET /analytics/anomalies?acknowledged=false (demo) */
export const anomalies: Anomaly[] = [
  {
    "id": "b00969fa-2154-5939-b282-6e6b5cad22eb",
    "meter_id": "83a50806-a7da-4757-ad16-5c325db44a06",
    "hour": "2026-10-28T03:00:00Z",
    "value": 3.0,
    "expected": 0.15,
    "score": 380.0,
    "detected_at": "2026-12-02T05:10:21.700614Z",
    "acknowledged_at": null,
    "acknowledged_by": null
  }
];

/** GET /carbon/meters (demo) */
export const meters: Meter[] = [
  {
    "id": "83a50806-a7da-4757-ad16-5c325db44a06",
    "facility_id": "e0bfb156-1767-4cbf-80ed-9751d8474af6",
    "name": "Main water",
    "kind": "water",
    "unit": "m3",
    "region": "GB",
    "activity": null,
    "options": {},
    "created_at": "2026-12-02T05:10:19.426443Z"
  },
  {
    "id": "f75b8c3e-cca4-4d72-8881-5e78836bc3b3",
    "facility_id": "e0bfb156-1767-4cbf-80ed-9751d8474af6",
    "name": "London office — live electricity",
    "kind": "electricity",
    "unit": "kWh",
    "region": "GB",
    "activity": "electricity.grid",
    "options": {},
    "created_at": "2026-12-02T05:10:19.513430Z"
  },
  {
    "id": "62c87afa-c574-4ed6-b6a6-c97c6a08d303",
    "facility_id": "c538fb77-588a-4fe6-89ac-2c32a98f74c9",
    "name": "Austin warehouse — live electricity",
    "kind": "electricity",
    "unit": "kWh",
    "region": "US-TX",
    "activity": "electricity.grid",
    "options": {},
    "created_at": "2026-12-02T05:10:19.521068Z"
  },
  {
    "id": "fa8724a5-d49e-4ac3-9c5a-fae0924c8fd1",
    "facility_id": "e0bfb156-1767-4cbf-80ed-9751d8474af6",
    "name": "London office — live gas",
    "kind": "natural_gas",
    "unit": "kWh",
    "region": "GB",
    "activity": "fuel.natural_gas",
    "options": {},
    "created_at": "2026-12-02T05:10:19.525829Z"
  }
];

/** GET /carbon/facilities (demo) */
export const facilities: Facility[] = [
  {
    "name": "London office",
    "address": "",
    "region": "GB",
    "floor_area_m2": 1200.0,
    "type": "office",
    "unit_id": null,
    "id": "e0bfb156-1767-4cbf-80ed-9751d8474af6",
    "created_at": "2026-12-02T05:10:17.483519Z"
  },
  {
    "name": "Austin warehouse",
    "address": "",
    "region": "US-TX",
    "floor_area_m2": 5000.0,
    "type": "warehouse",
    "unit_id": null,
    "id": "c538fb77-588a-4fe6-89ac-2c32a98f74c9",
    "created_at": "2026-12-02T05:10:17.494636Z"
  }
];

/** GET /analytics/emissions/forecast?to_year=2030 (demo) */
export const forecast: ForecastAnswer = {
  "method": "ordinary least squares linear trend on annual totals",
  "confidence": 0.95,
  "unit": "kg CO2e",
  "history": {
    "2024": 215103.475099,
    "2025": 204348.301344,
    "2026": 163134.053417
  },
  "points": [
    {
      "year": 2027,
      "value": 142225.854938,
      "lower": -146241.249221,
      "upper": 430692.959097
    },
    {
      "year": 2028,
      "value": 116241.144097,
      "lower": -265364.965417,
      "upper": 497847.253611
    },
    {
      "year": 2029,
      "value": 90256.433256,
      "lower": -392441.356784,
      "upper": 572954.223296
    },
    {
      "year": 2030,
      "value": 64271.722415,
      "lower": -523380.446181,
      "upper": 651923.891011
    }
  ]
};

/** GET /analytics/emissions/forecast?to_year=2028&scope=1&scope=2&scope2_method=market (demo) */
export const forecastScopes12Market: ForecastAnswer = {
  "method": "ordinary least squares linear trend on annual totals",
  "confidence": 0.95,
  "unit": "kg CO2e",
  "history": {
    "2024": 212469.715099,
    "2025": 201846.229344,
    "2026": 161351.327117
  },
  "points": [
    {
      "year": 2027,
      "value": 140770.702538,
      "lower": -142130.903668,
      "upper": 423672.308744
    },
    {
      "year": 2028,
      "value": 115211.508547,
      "lower": -259032.139214,
      "upper": 489455.156308
    }
  ]
};

/** GET /analytics/targets (demo, after POSTing the two targets below) */
export const targets: Target[] = [
  {
    "name": "SBTi near-term",
    "kind": "absolute",
    "metric": null,
    "scopes": [
      1,
      2,
      3
    ],
    "scope2_method": "location",
    "base_year": 2024,
    "target_year": 2030,
    "reduction_pct": 42.0,
    "id": "8d137d06-bd6b-41ea-ac52-c3d1933803ff",
    "created_at": "2026-12-02T05:10:46.633285Z"
  },
  {
    "name": "Per head",
    "kind": "intensity",
    "metric": "employees",
    "scopes": [
      1,
      2
    ],
    "scope2_method": "market",
    "base_year": 2024,
    "target_year": 2028,
    "reduction_pct": 30.0,
    "id": "0155cf45-9c19-477a-a2d5-ccfadead8c1b",
    "created_at": "2026-12-02T05:12:20.572893Z"
  }
];

/** GET /analytics/targets/{id}/progress, absolute 42 % by 2030 from 2024, scopes 1-3 (demo) */
export const progress: TargetProgress = {
  "target_id": "8d137d06-bd6b-41ea-ac52-c3d1933803ff",
  "unit": "kg CO2e",
  "base_value": 215103.475099,
  "target_value": 124760.015557,
  "latest_year": 2026,
  "latest_value": 163134.053417,
  "target_path_value": 184988.988585,
  "reduction_achieved_pct": 24.1602,
  "required_annual_reduction": {
    "linear_per_year": 9593.509465,
    "compound_pct_per_year": 6.4847
  },
  "on_track": true,
  "years": [
    {
      "year": 2024,
      "actual": 215103.475099,
      "target_path": 215103.475099
    },
    {
      "year": 2025,
      "actual": 204348.301344,
      "target_path": 200046.231842
    },
    {
      "year": 2026,
      "actual": 163134.053417,
      "target_path": 184988.988585
    }
  ],
  "forecast": {
    "year": 2030,
    "value": 64271.722415,
    "lower": -523380.446181,
    "upper": 651923.891011,
    "meets_target": true
  }
};

/** GET /analytics/targets/{id}/progress, intensity per employee, 30 % by 2028 from 2024, scopes 1-2, market (demo) */
export const progressIntensity: TargetProgress = {
  "target_id": "0155cf45-9c19-477a-a2d5-ccfadead8c1b",
  "unit": "kg CO2e per employees",
  "base_value": 5311.742877475,
  "target_value": 3718.220014,
  "latest_year": 2026,
  "latest_value": 3841.698264690476,
  "target_path_value": 4514.981446,
  "reduction_achieved_pct": 27.6754,
  "required_annual_reduction": {
    "linear_per_year": 61.739125,
    "compound_pct_per_year": 1.6202
  },
  "on_track": true,
  "years": [
    {
      "year": 2024,
      "actual": 5311.742877475,
      "target_path": 5311.742877
    },
    {
      "year": 2025,
      "actual": 4923.078764487805,
      "target_path": 4913.362162
    },
    {
      "year": 2026,
      "actual": 3841.698264690476,
      "target_path": 4514.981446
    }
  ],
  "forecast": {
    "year": 2028,
    "value": 2487.106383,
    "lower": -6191.581744,
    "upper": 11165.79451,
    "meets_target": true
  }
};

/** GET /analytics/denominators (demo, after PUTting employees 40, 41, 42 for 2024-2026) */
export const denominators: Denominator[] = [
  {
    "year": 2024,
    "metric": "employees",
    "value": 40.0,
    "unit": "FTE"
  },
  {
    "year": 2025,
    "metric": "employees",
    "value": 41.0,
    "unit": "FTE"
  },
  {
    "year": 2026,
    "metric": "employees",
    "value": 42.0,
    "unit": "FTE"
  }
];

/** GET /analytics/emissions/intensity?metric=employees&from_year=2025&to_year=2026 (demo, with those denominators) */
export const intensity: IntensityAnswer = {
  "metric": "employees",
  "unit": "kg CO2e per FTE",
  "rows": [
    {
      "year": 2025,
      "co2e_kg": 204348.301344,
      "denominator": 41.0,
      "intensity": 4984.104910829
    },
    {
      "year": 2026,
      "co2e_kg": 163134.053417,
      "denominator": 42.0,
      "intensity": 3884.144128976
    }
  ]
};

/** a new organisation: GET /analytics/emissions?from=2026-01-01&to=2026-12-02&group_by=scope */
export const emptyYtd: EmissionsAnswer<ScopeRow> = {
  "from": "2026-01-01",
  "to": "2026-12-02",
  "group_by": [
    "scope"
  ],
  "scope2_method": "location",
  "total_co2e_kg": 0.0,
  "rows": []
};

/** a new organisation: GET /analytics/emissions/change?from=2026-01-01&to=2026-12-02&compare=previous_year */
export const emptyChange: ChangeAnswer = {
  "compare": "previous_year",
  "current": {
    "from": "2026-01-01",
    "to": "2026-12-02"
  },
  "previous": {
    "from": "2025-01-01",
    "to": "2025-12-02"
  },
  "total": {
    "key": {},
    "co2e_kg": 0.0,
    "previous_co2e_kg": 0.0,
    "change_kg": 0.0,
    "change_pct": null
  },
  "rows": []
};

/** a new organisation: GET /analytics/emissions?from=1900-01-01&to=2026-12-31&group_by=scope,year */
export const emptyScopeYear: EmissionsAnswer<ScopeYearRow> = {
  "from": "1900-01-01",
  "to": "2026-12-31",
  "group_by": [
    "scope",
    "year"
  ],
  "scope2_method": "location",
  "total_co2e_kg": 0.0,
  "rows": []
};

/** a new organisation: GET /analytics/coverage?from=2026-01-01&to=2026-12-02 */
export const emptyCoverage: CoverageAnswer = {
  "months": [
    "2026-01",
    "2026-02",
    "2026-03",
    "2026-04",
    "2026-05",
    "2026-06",
    "2026-07",
    "2026-08",
    "2026-09",
    "2026-10",
    "2026-11",
    "2026-12"
  ],
  "months_without_any_data": [
    "2026-01",
    "2026-02",
    "2026-03",
    "2026-04",
    "2026-05",
    "2026-06",
    "2026-07",
    "2026-08",
    "2026-09",
    "2026-10",
    "2026-11",
    "2026-12"
  ],
  "facilities": []
};

/** GET /analytics/emissions?from=2026-01-01&to=2026-12-02&group_by=scope,month&scope2_method=location (demo): the overview's year-to-date call */
export const ytdMonthly: EmissionsAnswer<ScopeMonthRow> = {
  "from": "2026-01-01",
  "to": "2026-12-02",
  "group_by": [
    "scope",
    "month"
  ],
  "scope2_method": "location",
  "total_co2e_kg": 163134.053417,
  "rows": [
    {
      "scope": 1,
      "month": "2026-01",
      "co2e_kg": 2192.38016
    },
    {
      "scope": 1,
      "month": "2026-02",
      "co2e_kg": 2081.72566
    },
    {
      "scope": 1,
      "month": "2026-03",
      "co2e_kg": 1779.57486
    },
    {
      "scope": 1,
      "month": "2026-04",
      "co2e_kg": 1366.95246
    },
    {
      "scope": 1,
      "month": "2026-05",
      "co2e_kg": 954.33006
    },
    {
      "scope": 1,
      "month": "2026-06",
      "co2e_kg": 652.17926
    },
    {
      "scope": 1,
      "month": "2026-07",
      "co2e_kg": 541.52476
    },
    {
      "scope": 1,
      "month": "2026-08",
      "co2e_kg": 652.17926
    },
    {
      "scope": 1,
      "month": "2026-09",
      "co2e_kg": 954.33006
    },
    {
      "scope": 1,
      "month": "2026-10",
      "co2e_kg": 1366.95246
    },
    {
      "scope": 2,
      "month": "2026-01",
      "co2e_kg": 12647.420746
    },
    {
      "scope": 2,
      "month": "2026-02",
      "co2e_kg": 12910.726127
    },
    {
      "scope": 2,
      "month": "2026-03",
      "co2e_kg": 13630.063383
    },
    {
      "scope": 2,
      "month": "2026-04",
      "co2e_kg": 14612.498969
    },
    {
      "scope": 2,
      "month": "2026-05",
      "co2e_kg": 15594.934555
    },
    {
      "scope": 2,
      "month": "2026-06",
      "co2e_kg": 16314.271811
    },
    {
      "scope": 2,
      "month": "2026-07",
      "co2e_kg": 16577.577191
    },
    {
      "scope": 2,
      "month": "2026-08",
      "co2e_kg": 16314.271811
    },
    {
      "scope": 2,
      "month": "2026-09",
      "co2e_kg": 15594.934555
    },
    {
      "scope": 2,
      "month": "2026-10",
      "co2e_kg": 14612.498969
    },
    {
      "scope": 3,
      "month": "2026-03",
      "co2e_kg": 594.2421
    },
    {
      "scope": 3,
      "month": "2026-06",
      "co2e_kg": 594.2421
    },
    {
      "scope": 3,
      "month": "2026-09",
      "co2e_kg": 594.2421
    }
  ]
};

/** a new organisation: GET /analytics/emissions?from=2026-01-01&to=2026-12-02&group_by=scope,month&scope2_method=location */
export const emptyYtdMonthly: EmissionsAnswer<ScopeMonthRow> = {
  "from": "2026-01-01",
  "to": "2026-12-02",
  "group_by": [
    "scope",
    "month"
  ],
  "scope2_method": "location",
  "total_co2e_kg": 0.0,
  "rows": []
};
