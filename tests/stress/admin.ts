// An administrator's action on the stress database while the server runs, through
// the same lib/server functions the admin screen calls. Run with tsx and DATABASE_URL.
//   tsx tests/stress/admin.ts revoke-key KEY_ID | deactivate-user USER_ID
import { SEED_ACTOR } from "../../lib/server/actor";
import { revokeApiToken } from "../../lib/server/tokens";
import { deactivateUser } from "../../lib/server/users";

async function main([action, id]: string[]) {
  if (action === "revoke-key") await revokeApiToken(SEED_ACTOR, { keyId: id });
  else if (action === "deactivate-user") await deactivateUser(SEED_ACTOR, { userId: id });
  else throw new Error(`unknown action ${action}`);
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
