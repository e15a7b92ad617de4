import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { REQUIREMENTS } from '../../spec/requirements/catalog.js';
import { isServiceName, SERVICES } from '../../spec/services.js';

export const requirementsCommand: Command = {
  name: 'requirements',
  summary: 'print the requirement catalog (id, level, source, paraphrase)',
  usage: '[--api connect,cognito-sync,clouddirectory] [--json]',
  options: { api: { type: 'string' }, json: { type: 'boolean' } },
  async run(values, _positionals, { out }) {
    let apis: string[] = [...SERVICES];
    if (typeof values.api === 'string') {
      apis = values.api.split(',').map((s) => s.trim()).filter(Boolean);
      const bad = apis.filter((a) => !isServiceName(a));
      if (bad.length) throw new UsageError(`unknown --api ${bad.join(', ')}; expected one of ${SERVICES.join(', ')}`);
    }
    const rows = REQUIREMENTS.filter((r) => r.services.some((s) => apis.includes(s)));
    if (values.json) {
      out.write(JSON.stringify(rows, null, 2) + '\n');
      return 0;
    }
    for (const r of rows) {
      out.write(`${r.id}  ${r.level}  [${r.source.doc} § ${r.source.section}]\n    ${r.text}\n`);
    }
    out.write(`${rows.length} requirements\n`);
    return 0;
  },
};
