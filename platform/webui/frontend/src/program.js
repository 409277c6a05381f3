// What a program's declaration (GET /programs/{id}) means for the pages: who may take a step, how a declared value
// reads. The platform decides every action; these keep the buttons it would refuse out of sight.
import { localized } from './i18n.js';

const LEVELS = ['VILLAGE', 'TOWNSHIP', 'COUNTY', 'CITY', 'PROVINCE'];
const BY_LENGTH = { 12: 'VILLAGE', 9: 'TOWNSHIP', 6: 'COUNTY', 4: 'CITY', 2: 'PROVINCE', 0: 'PROVINCE' };

const DEFAULT_FILERS = ['PROVINCE_ADMIN', 'COUNTY_ADMIN', 'PROGRAM_OFFICER', 'TOWNSHIP_OFFICER', 'VILLAGE_CLERK'];

/** Whether the user works on the program at all: a user with an agency only on that agency's programs. */
export function runs(user, program) {
  return !user.agency || user.agency === program.agency;
}

function sitsAtOrAbove(user, level) {
  const own = BY_LENGTH[(user.region || '').length] || 'VILLAGE';
  return LEVELS.indexOf(own) >= LEVELS.indexOf(level || 'VILLAGE');
}

/** Whether the user may take a transition (or a record's action): one of its roles, at its level or above. */
export function mayTake(user, program, transition) {
  return runs(user, program) && transition.roles.some((r) => (user.roles || []).includes(r))
    && sitsAtOrAbove(user, transition.level);
}

export function mayFile(user, program) {
  const filers = (program.workflow && program.workflow.filers) || DEFAULT_FILERS;
  return runs(user, program) && filers.some((r) => (user.roles || []).includes(r));
}

/** The states from which the user may take some step: what waits for them. */
export function waitingStates(user, program) {
  return [...new Set(program.workflow.transitions.filter((t) => !t.schedule && mayTake(user, program, t))
    .flatMap((t) => t.from))];
}

export function stateLabel(program, state, states = program.workflow.states) {
  const found = states.find((s) => s.id === state);
  return found ? localized(found.label) : state;
}

/** A declared field's value as people read it: an option's label, a member's name, yes/no, an amount. */
export function shown(field, value, members = [], yesNo = ['是', '否']) {
  if (value === null || value === undefined || value === '') return '';
  switch (field.type) {
    case 'CODE': {
      const option = field.options.find((o) => o.code === value);
      return option ? localized(option.label) : value;
    }
    case 'MEMBER': {
      const member = members.find((m) => String(m.id) === String(value));
      return member ? member.name : value;
    }
    case 'BOOLEAN':
      return value ? yesNo[0] : yesNo[1];
    case 'MONEY':
      return Number(value).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    default:
      return String(value);
  }
}

export function form(program, id) {
  return program.forms.find((f) => f.id === id) || { id, fields: [] };
}

/** A declared form's values as the platform takes them: what is not filled in is left out. */
export function data(values) {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined && v !== ''));
}
