import type { ComponentType } from "react";
import { Navigate, Outlet, createBrowserRouter, RouterProvider, useLocation } from "react-router";
import { useSession } from "../auth/SessionProvider";
import { Loading, NotFound } from "../components/States";
import { SignInPage } from "../features/auth/SignInPage";
import { SignUpPage } from "../features/auth/SignUpPage";
import { CreateOrganizationPage } from "../features/organizations/CreateOrganizationPage";
import { OverviewPage } from "../features/overview/OverviewPage";
import { Layout } from "./Layout";

/** Signed-in pages; anyone else goes to sign-in, and comes back after. */
function RequireSession({ organization = true }: { organization?: boolean }) {
  const { status, session } = useSession();
  const location = useLocation();
  if (status === "restoring") return <Loading what="your session" />;
  if (!session) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  if (organization && !session.organizationId) return <Navigate to="/organizations/new" replace />;
  return <Outlet />;
}

function SignedOutOnly() {
  const { status, session } = useSession();
  if (status === "restoring") return <Loading what="your session" />;
  return session ? <Navigate to="/" replace /> : <Outlet />;
}

/** A page loaded on first visit, so the overview's first load carries only what it draws. */
function page<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return async () => ({ Component: (await load())[name] });
}

const router = createBrowserRouter([
  {
    // Shown while a lazily loaded page's code arrives on a first visit.
    HydrateFallback: () => <Loading what="EcoTrack" />,
    children: [
      {
        element: <SignedOutOnly />,
        children: [
          { path: "/sign-in", element: <SignInPage /> },
          { path: "/sign-up", element: <SignUpPage /> },
        ],
      },
      {
        element: <Layout />,
        children: [
          {
            element: <RequireSession organization={false} />,
            children: [
              { path: "/organizations/new", element: <CreateOrganizationPage /> },
              {
                path: "/invitations/accept",
                lazy: page(() => import("../features/invitations/AcceptInvitationPage"), "AcceptInvitationPage"),
              },
            ],
          },
          {
            element: <RequireSession />,
            children: [
              { path: "/", element: <OverviewPage /> },
              { path: "/explorer", lazy: page(() => import("../features/explorer/ExplorerPage"), "ExplorerPage") },
              { path: "/activities", lazy: page(() => import("../features/activities/ActivitiesPage"), "ActivitiesPage") },
              { path: "/activities/new", lazy: page(() => import("../features/activities/NewActivityPage"), "NewActivityPage") },
              { path: "/activities/:activityId", lazy: page(() => import("../features/activities/ActivityPage"), "ActivityPage") },
              { path: "/facilities", lazy: page(() => import("../features/meters/FacilitiesPage"), "FacilitiesPage") },
              { path: "/meters/:meterId", lazy: page(() => import("../features/meters/MeterPage"), "MeterPage") },
              { path: "/factors", lazy: page(() => import("../features/factors/FactorsPage"), "FactorsPage") },
              { path: "/factors/:factorId", lazy: page(() => import("../features/factors/FactorPage"), "FactorPage") },
              { path: "/targets", lazy: page(() => import("../features/targets/TargetsPage"), "TargetsPage") },
              { path: "/targets/:targetId", lazy: page(() => import("../features/targets/TargetPage"), "TargetPage") },
              { path: "/reports", lazy: page(() => import("../features/reports/ReportsPage"), "ReportsPage") },
              { path: "/settings/:section?", lazy: page(() => import("../features/settings/SettingsPage"), "SettingsPage") },
              { path: "*", element: <NotFound /> },
            ],
          },
        ],
      },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
