/**
 * Real answers of the Analytics API, captured from `ecotrack up` (demo ledger: January 2024
 * to October 2026) on 2026-12-02, for the shaping tests. Not imported by the app.
 */
import type { Denominator, Forecast, Target, TargetProgress, YearScopeRow } from "./types";

/** POST /analytics/targets (scopes 1 and 2, location-based, 42 % from 2024 to 2030). */
export const sbti: Target = {"name": "SBTi near-term", "kind": "absolute", "metric": null, "scopes": [1, 2], "scope2_method": "location", "base_year": 2024, "target_year": 2030, "reduction_pct": 42.0, "id": "79f886b3-a959-40aa-b03a-817cc64371a1", "created_at": "2026-12-02T05:10:41.615923Z"};

/** GET /analytics/targets/{sbti.id}/progress */
export const sbtiProgress: TargetProgress = {"target_id": "79f886b3-a959-40aa-b03a-817cc64371a1", "unit": "kg CO2e", "base_value": 212469.715099, "target_value": 123232.434757, "latest_year": 2026, "latest_value": 161351.327117, "target_path_value": 182723.954985, "reduction_achieved_pct": 24.0591, "required_annual_reduction": {"linear_per_year": 9529.72309, "compound_pct_per_year": 6.5158}, "on_track": true, "years": [{"year": 2024, "actual": 212469.715099, "target_path": 212469.715099}, {"year": 2025, "actual": 201846.229344, "target_path": 197596.835042}, {"year": 2026, "actual": 161351.327117, "target_path": 182723.954985}], "forecast": {"year": 2030, "value": 64093.120565, "lower": -512221.266724, "upper": 640407.507854, "meets_target": true}};

/** GET /analytics/emissions/forecast?to_year=2030&scope=1&scope=2 */
export const sbtiForecast: Forecast = {"method": "ordinary least squares linear trend on annual totals", "confidence": 0.95, "unit": "kg CO2e", "history": {"2024": 212469.715099, "2025": 201846.229344, "2026": 161351.327117}, "points": [{"year": 2027, "value": 140770.702538, "lower": -142130.903668, "upper": 423672.308744}, {"year": 2028, "value": 115211.508547, "lower": -259032.139214, "upper": 489455.156308}, {"year": 2029, "value": 89652.314556, "lower": -383732.616154, "upper": 563037.245266}, {"year": 2030, "value": 64093.120565, "lower": -512221.266724, "upper": 640407.507854}]};

/** A target whose year has come (50 % of scopes 1 to 3, market-based, 2024 to 2026). */
export const steep: Target = {"name": "Steep cut", "kind": "absolute", "metric": null, "scopes": [1, 2, 3], "scope2_method": "market", "base_year": 2024, "target_year": 2026, "reduction_pct": 50.0, "id": "409c74c5-90fa-40e0-a9e5-42cb560d7737", "created_at": "2026-12-02T05:10:42.009907Z"};

export const steepProgress: TargetProgress = {"target_id": "409c74c5-90fa-40e0-a9e5-42cb560d7737", "unit": "kg CO2e", "base_value": 215103.475099, "target_value": 107551.73755, "latest_year": 2026, "latest_value": 163134.053417, "target_path_value": 107551.73755, "reduction_achieved_pct": 24.1602, "required_annual_reduction": {"linear_per_year": null, "compound_pct_per_year": null}, "on_track": false, "years": [{"year": 2024, "actual": 215103.475099, "target_path": 215103.475099}, {"year": 2025, "actual": 204348.301344, "target_path": 161327.606324}, {"year": 2026, "actual": 163134.053417, "target_path": 107551.73755}], "forecast": {"year": 2026, "value": 168210.565779, "lower": -45722.364365, "upper": 382143.495923, "meets_target": false}};

/** GET /analytics/emissions/forecast?to_year=2026&scope=1&scope=2&scope=3&scope2_method=market */
export const steepForecast: Forecast = {"method": "ordinary least squares linear trend on annual totals", "confidence": 0.95, "unit": "kg CO2e", "history": {"2024": 215103.475099, "2025": 204348.301344, "2026": 163134.053417}, "points": []};

/** An intensity target (per employee), and its progress once denominators were set. */
export const perEmployee: Target = {"name": "Per employee", "kind": "intensity", "metric": "employees", "scopes": [1, 2], "scope2_method": "location", "base_year": 2024, "target_year": 2030, "reduction_pct": 30.0, "id": "6e31648a-3d17-4aee-8494-607ecc9d08c4", "created_at": "2026-12-02T05:10:42.323610Z"};

export const perEmployeeProgress: TargetProgress = {"target_id": "6e31648a-3d17-4aee-8494-607ecc9d08c4", "unit": "kg CO2e per employees", "base_value": 10623.48575495, "target_value": 7436.440028, "latest_year": 2026, "latest_value": 6454.05308468, "target_path_value": 9561.137179, "reduction_achieved_pct": 39.2473, "required_annual_reduction": {"linear_per_year": -245.596736, "compound_pct_per_year": -3.6056}, "on_track": true, "years": [{"year": 2024, "actual": 10623.48575495, "target_path": 10623.485755}, {"year": 2025, "actual": 9174.828606545454, "target_path": 10092.311467}, {"year": 2026, "actual": 6454.05308468, "target_path": 9561.137179}], "forecast": {"year": 2030, "value": -1672.792527, "lower": -26215.991596, "upper": 22870.406543, "meets_target": true}};

/** The same target's progress before any denominator: 422 from the API. */
export const perEmployeeProblem = {"type": "https://ecotrack.dev/problems/unprocessable-content", "title": "Unprocessable Entity", "status": 422, "detail": "no emissions intensity for the base year 2024", "instance": "/api/v1/analytics/targets/6e31648a-3d17-4aee-8494-607ecc9d08c4/progress", "years_with_data": []};

/** GET /analytics/denominators after PUTting employees for 2024 to 2026. */
export const denominators: Denominator[] = [{"year": 2024, "metric": "employees", "value": 20.0, "unit": "FTE"}, {"year": 2025, "metric": "employees", "value": 22.0, "unit": "FTE"}, {"year": 2026, "metric": "employees", "value": 25.0, "unit": "FTE"}];

/** A target whose base year has no data (scope 3 from 2020); its progress answers 422. */
export const from2020: Target = {"name": "From 2020", "kind": "absolute", "metric": null, "scopes": [3], "scope2_method": "location", "base_year": 2020, "target_year": 2030, "reduction_pct": 25.0, "id": "5b4f549c-5889-4c72-bc6b-101697b41f36", "created_at": "2026-12-02T05:15:08.823532Z"};

/** GET /analytics/emissions?from=1990-01-01&to=2026-12-31&group_by=year,scope (rows). */
export const yearScopeRows: YearScopeRow[] = [{"year": 2024, "scope": 1, "co2e_kg": 18176.1}, {"year": 2024, "scope": 2, "co2e_kg": 194293.615099}, {"year": 2024, "scope": 3, "co2e_kg": 2633.76}, {"year": 2025, "scope": 1, "co2e_kg": 17267.295}, {"year": 2025, "scope": 2, "co2e_kg": 184578.934344}, {"year": 2025, "scope": 3, "co2e_kg": 2502.072}, {"year": 2026, "scope": 1, "co2e_kg": 12542.129}, {"year": 2026, "scope": 2, "co2e_kg": 148809.198117}, {"year": 2026, "scope": 3, "co2e_kg": 1782.7263}];
