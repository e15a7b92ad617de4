// From the seed pages to a corrected model and provenance for one service:
// parse pages, cross-check them with the model, settle disagreements by the reconciliation list.
import { GenerateError } from '../errors.js';
import type { Provenance } from '../emit/provenance.js';
import type { ServiceModel } from '../model/types.js';
import { PLANS } from '../operations.js';
import type { ServiceName } from '../../services.js';
import { applyPatches } from './apply.js';
import { crossCheck, type Disagreement, type Mark } from './crosscheck.js';
import type { PageFacts } from './facts.js';
import { provenanceFrom } from './provenance.js';
import { reconcile, assertReconciled, type Reconciliation } from './reconcile.js';

export function serviceOfPage(page: PageFacts): ServiceName {
  for (const plan of Object.values(PLANS)) if (page.operation in plan.operations) return plan.service;
  throw new GenerateError(`${page.file}: documents operation ${page.operation}, which no lockstep service generates`);
}

export interface ServiceInputs {
  model: ServiceModel;
  provenance: Provenance;
  reconciled: Map<string, { fact: string; winner: string }[]>;
}

export interface CheckedPages {
  disagreements: Map<ServiceName, Disagreement[]>;
  marks: Map<ServiceName, Mark[]>;
  pagesByOperation: Map<string, string[]>;
}

/** Cross-checks every page against its service's model. */
export function checkPages(pages: PageFacts[], models: Map<ServiceName, { model: ServiceModel; file: string }>): CheckedPages {
  const disagreements = new Map<ServiceName, Disagreement[]>();
  const marks = new Map<ServiceName, Mark[]>();
  const pagesByOperation = new Map<string, string[]>();
  for (const page of pages) {
    const service = serviceOfPage(page);
    const { model, file } = models.get(service)!;
    if (!model.operations[page.operation]) throw new GenerateError(`${file}: the model lacks operation ${page.operation} (documented by ${page.file})`);
    const r = crossCheck(page, service, model, file);
    disagreements.set(service, [...(disagreements.get(service) ?? []), ...r.disagreements]);
    marks.set(service, [...(marks.get(service) ?? []), ...r.marks]);
    pagesByOperation.set(page.operation, [...(pagesByOperation.get(page.operation) ?? []), page.file]);
  }
  return { disagreements, marks, pagesByOperation };
}

/** Settles all disagreements (or throws naming each) and returns what each service is emitted from. */
export function settle(
  checked: CheckedPages,
  models: Map<ServiceName, { model: ServiceModel; file: string }>,
  reconciliations: Reconciliation[],
  reconciliationFile: string,
): Map<ServiceName, ServiceInputs> {
  // pages documenting one fact twice (000 and 001) report it twice: one settlement covers both
  const all = [...checked.disagreements.values()].flat();
  const outcome = reconcile(all, reconciliations);
  assertReconciled(outcome, reconciliationFile);
  const out = new Map<ServiceName, ServiceInputs>();
  for (const [service, { model }] of models) {
    const seen = new Set<string>();
    const mine = outcome.settled.filter((s) => {
      const k = `${s.disagreement.fact}|${s.disagreement.pageSays}|${s.disagreement.modelSays}`;
      if (seen.has(k) || !(checked.disagreements.get(service) ?? []).includes(s.disagreement)) return false;
      seen.add(k);
      return true;
    });
    const patches = mine.filter((s) => s.reconciliation.winner === 'page').map((s) => s.disagreement.patch);
    const patched = applyPatches(model, patches, reconciliationFile);
    const marks = [...(checked.marks.get(service) ?? [])];
    const reconciled = new Map<string, { fact: string; winner: string }[]>();
    for (const s of mine) {
      const op = s.disagreement.fact.split(':')[1];
      const list = reconciled.get(op) ?? [];
      if (!list.some((x) => x.fact === s.disagreement.fact)) list.push({ fact: s.disagreement.fact, winner: s.reconciliation.winner });
      reconciled.set(op, list);
      // an error shape a page added: its members come from that page, not from the model
      const p = s.disagreement.patch;
      if (s.reconciliation.winner === 'page' && p.kind === 'error-add' && !model.shapes[p.shape]) {
        const pageFile = s.disagreement.page.split(' ')[0];
        for (const member of Object.keys(patched.shapes[p.shape]?.members ?? {})) marks.push({ structure: p.shape, member, file: pageFile, constraints: false });
      }
    }
    out.set(service, { model: patched, provenance: provenanceFrom(marks, checked.pagesByOperation), reconciled });
  }
  return out;
}
