// Who holds which position of power, and each member's signed membership form, as stored. Each
// write is one transaction with its audit row (who, when, before and after), or nothing.
import type { CheckId } from '../../domain/criteria/index.ts';
import type { MembershipForm, Role } from '../../domain/roster.ts';
import type { Change } from './register.ts';

export interface RoleChange {
  personId: string;
  roles: Role[];
}

/** What the audit row of an appointment keeps: who took which role, and any breach confirmed. */
export interface AppointmentAudit {
  personId: string;
  role: Role;
  /** make-up checks the new line-up fails, confirmed by the person making the change */
  acknowledged: CheckId[];
}

export interface MembershipStore {
  /** Sets these people's roles; false (and nothing written) when one is no longer on the roster. */
  setRoles(change: Change, roles: readonly RoleChange[], audit: AppointmentAudit): Promise<boolean>;
  /** Records or replaces a person's signed form; false when they are no longer on the roster. */
  recordForm(change: Change, personId: string, form: MembershipForm): Promise<boolean>;
}
