// Heads of household by household id, read once each: applications name their household by id only.
import { reactive } from 'vue';
import { api } from '../../api.js';

export function householdNames() {
  const names = reactive({});
  return {
    names,
    read(ids) {
      [...new Set(ids)].filter((id) => !(id in names)).forEach((id) => {
        names[id] = '';
        api('GET', `/households/${id}`).then((h) => {
          names[id] = (h.members.find((m) => m.relation === 'HEAD') || h.members[0] || {}).name || id;
        }).catch(() => { names[id] = id; });
      });
    },
  };
}
