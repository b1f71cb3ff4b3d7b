import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { useSession } from "../../auth/SessionProvider";

/** The signed-in person's organisations, with their role in each. */
export function useOrganizations() {
  const { session } = useSession();
  return useQuery({
    queryKey: ["organizations", session?.userId],
    queryFn: () => unwrap(api.GET("/api/v1/users/organizations")),
    enabled: session !== null,
  });
}
