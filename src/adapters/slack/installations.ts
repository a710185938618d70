/**
 * Bolt's installation store over Sitrep's store: one installation per workspace (or per Enterprise
 * Grid organisation, for an org-wide install), its bot token sealed at rest and never logged.
 */
import type { Installation, InstallationQuery, InstallationStore as BoltInstallationStore } from '@slack/bolt';
import type { Sealer } from '../../store/seal.js';
import type { InstallationStore } from '../../store/store.js';

const PLATFORM = 'slack';

/** The key an installation is kept under: the organisation for an org-wide install, else the workspace. */
export function installationId(q: { teamId?: string | undefined; enterpriseId?: string | undefined; isEnterpriseInstall?: boolean | undefined }): string {
  const id = q.isEnterpriseInstall ? q.enterpriseId : q.teamId;
  if (!id) throw new Error('a Slack installation without its workspace or organisation id');
  return id;
}

/** Bolt's store of installations, kept in `store` and sealed with `sealer`. */
export function slackInstallationStore(
  store: InstallationStore,
  sealer: Sealer,
  now: () => number,
): BoltInstallationStore & {
  deleteInstallation: NonNullable<BoltInstallationStore['deleteInstallation']>;
  /** The bot token of a workspace, when Sitrep is installed there. */
  botToken(teamId: string): Promise<string | undefined>;
} {
  const fetch = async (id: string): Promise<Installation | undefined> => {
    const sealed = await store.get(PLATFORM, id);
    return sealed === undefined ? undefined : (JSON.parse(sealer.open(sealed, `${PLATFORM}:${id}`)) as Installation);
  };
  return {
    async storeInstallation(installation) {
      const id = installationId({
        teamId: installation.team?.id,
        enterpriseId: installation.enterprise?.id,
        isEnterpriseInstall: installation.isEnterpriseInstall,
      });
      await store.put(PLATFORM, id, sealer.seal(JSON.stringify(installation), `${PLATFORM}:${id}`), now());
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const found = await fetch(installationId(query));
      if (!found) throw new Error(`Sitrep is not installed in Slack workspace ${installationId(query)}`);
      return found;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await store.remove(PLATFORM, installationId(query));
    },
    botToken: async (teamId) => (await fetch(teamId))?.bot?.token,
  };
}
