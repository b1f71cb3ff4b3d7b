/** What Carbon's factor library answers (typed in schema.ts). */
import type { components } from "../../api/schema";

type Schemas = components["schemas"];

export type Factor = Schemas["Factor"];
export type GasValue = Schemas["GasValue"];
export type FacetCount = Schemas["FacetCount"];
/** A page of search results with the facets that still give results. */
export type SearchPage = Schemas["SearchPage"];
export type ActivityInfo = Schemas["ActivityInfo"];
