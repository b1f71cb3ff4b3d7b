import { useEffect, useState } from "react";
import { Link, useLocation } from "react-router";
import { useSession } from "../../auth/SessionProvider";
import { DataTable, type Column } from "../../components/DataTable";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState, ErrorState, Loading } from "../../components/States";
import { regionLabel } from "../factors/regions";
import { facilityTypeLabel, kindLabel, type FacilityWithMeters } from "./facilities";
import { FacilityForm, MeterForm } from "./FacilityForms";
import type { Meter } from "./types";
import { useFacilitiesWithMeters } from "./useFacilities";
import "./meters.css";

/** Which form is open: the new facility, or a new meter at one facility. */
type Open = { form: "facility" } | { form: "meter"; facilityId: string } | null;

export function FacilitiesPage() {
  const { can } = useSession();
  const mayWrite = can("activities:write");
  const { groups, isPending, error, refetch } = useFacilitiesWithMeters();
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const location = useLocation();

  // Links from a meter page name a facility (#facility-…): bring it into view once drawn.
  useEffect(() => {
    if (!groups || !location.hash) return;
    document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  }, [groups, location.hash]);

  return (
    <>
      <PageHeader title="Facilities and meters">
        {mayWrite && open?.form !== "facility" && (
          <button type="button" onClick={() => setOpen({ form: "facility" })}>
            Add a facility
          </button>
        )}
      </PageHeader>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {mayWrite && open?.form === "facility" && (
        <section className="panel">
          <FacilityForm
            onDone={(added) => {
              setOpen(null);
              if (added) setNotice(`Added ${added.name}. Add a meter to it to stream readings.`);
            }}
          />
        </section>
      )}
      {isPending ? (
        <Loading what="facilities" />
      ) : error ? (
        <ErrorState error={error} retry={refetch} />
      ) : groups && groups.length === 0 ? (
        <EmptyState title="No facilities yet: add one to start recording activities or connect a meter">
          {!mayWrite && <p>An editor or admin of your organisation can add one.</p>}
        </EmptyState>
      ) : (
        groups?.map((group) => (
          <FacilityPanel
            key={group.facility.id}
            group={group}
            mayWrite={mayWrite}
            adding={open?.form === "meter" && open.facilityId === group.facility.id}
            onAdd={() => setOpen({ form: "meter", facilityId: group.facility.id })}
            onDone={(added) => {
              setOpen(null);
              if (added) setNotice(`Added a meter to ${group.facility.name}.`);
            }}
          />
        ))
      )}
    </>
  );
}

function FacilityPanel({
  group,
  mayWrite,
  adding,
  onAdd,
  onDone,
}: {
  group: FacilityWithMeters;
  mayWrite: boolean;
  adding: boolean;
  onAdd: () => void;
  onDone: (added: boolean) => void;
}) {
  const { facility, meters } = group;
  const headingId = `facility-${facility.id}-name`;
  const facts = [
    facilityTypeLabel(facility.type),
    regionLabel(facility.region),
    facility.floor_area_m2 != null ? `${facility.floor_area_m2.toLocaleString()} m²` : null,
    facility.address || null,
  ].filter(Boolean);

  const columns: Column<Meter>[] = [
    { key: "name", header: "Meter", cell: (meter) => <Link to={`/meters/${meter.id}`}>{meter.name}</Link> },
    { key: "kind", header: "Kind", cell: (meter) => kindLabel(meter.kind) },
    { key: "unit", header: "Unit", cell: (meter) => meter.unit },
    { key: "region", header: "Region", cell: (meter) => meter.region },
    { key: "activity", header: "Rolls up into", cell: (meter) => meter.activity ?? "No emissions" },
  ];

  return (
    <section className="panel" id={`facility-${facility.id}`} aria-labelledby={headingId}>
      <div className="meters-facility-header">
        <h2 id={headingId}>{facility.name}</h2>
        {mayWrite && !adding && (
          <button type="button" className="secondary" onClick={onAdd}>
            Add a meter<span className="visually-hidden"> to {facility.name}</span>
          </button>
        )}
      </div>
      <p className="meters-facility-facts">{facts.join(" · ")}</p>
      <DataTable
        caption={`Meters at ${facility.name}`}
        columns={columns}
        rows={meters}
        rowKey={(meter) => meter.id}
        empty={
          <EmptyState title={`No meters at ${facility.name} yet`}>
            <p>
              {mayWrite
                ? "Add one to stream its readings; they roll up into daily emissions."
                : "An editor can add one to stream its readings."}
            </p>
          </EmptyState>
        }
      />
      {mayWrite && adding && <MeterForm facility={facility} onDone={onDone} />}
    </section>
  );
}
