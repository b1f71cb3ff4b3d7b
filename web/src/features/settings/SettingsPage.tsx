import type { ComponentType } from "react";
import { Link, Navigate, useParams } from "react-router";
import { useSession } from "../../auth/SessionProvider";
import { PageHeader } from "../../components/PageHeader";
import { NotFound } from "../../components/States";
import { ApiKeysSection } from "./ApiKeysSection";
import { AuditSection } from "./AuditSection";
import { DenominatorsSection } from "./DenominatorsSection";
import { InstrumentsSection, PrivateFactorsSection } from "./FactorsSections";
import { InvitationsSection } from "./InvitationsSection";
import { MembersSection } from "./MembersSection";
import { resolveSection, visibleSections, type SectionId } from "./sections";
import "./settings.css";
import { WebhooksSection } from "./WebhooksSection";

const CONTENT: Record<SectionId, ComponentType> = {
  members: MembersSection,
  invitations: InvitationsSection,
  "audit-log": AuditSection,
  "api-keys": ApiKeysSection,
  webhooks: WebhooksSection,
  "private-factors": PrivateFactorsSection,
  instruments: InstrumentsSection,
  denominators: DenominatorsSection,
};

export function SettingsPage() {
  const { section: param } = useParams();
  const { can } = useSession();
  const resolved = resolveSection(param, can);

  if (resolved.kind === "redirect") return <Navigate to={`/settings/${resolved.to}`} replace />;
  if (resolved.kind === "unknown") return <NotFound />;
  const current = resolved.section;
  const Content = CONTENT[current.id];

  return (
    <>
      <PageHeader title={`Settings: ${current.label}`} />
      <nav aria-label="Settings sections">
        <ul className="tabs settings-tabs">
          {visibleSections(can).map((section) => (
            <li key={section.id}>
              <Link to={`/settings/${section.id}`} aria-current={section.id === current.id ? "page" : undefined}>
                {section.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {resolved.kind === "forbidden" ? (
        <section className="panel" aria-labelledby="forbidden-title">
          <h2 id="forbidden-title">{current.label}</h2>
          <p className="notice">
            Only {current.who} of the organisation can see {current.noun}. Ask an admin or an owner if
            you need something changed here.
          </p>
        </section>
      ) : (
        <Content key={current.id} />
      )}
    </>
  );
}
