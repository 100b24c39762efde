import { catBank, ITEM_BANK } from '../src/assessment/bank';
import { DEFAULT_CAT, posterior, predictDecision, remainingInformation, startState, update, classify, type BankItem, type CatState, AREAS } from '../src/assessment/cat';
import { categoryProbs, eap, information } from '../src/assessment/irt';
import { DEFAULT_CUTS as cuts } from '../src/assessment/triage';
import { mulberry32, normal } from '../src/platform/random';
const EXTRA = Number(process.env.EXTRA ?? 0);
const extra: BankItem[] = [];
for (const lvl of [2, 3, 4, 5]) for (let i = 0; i < EXTRA; i++) { const b = -2.25 + 0.75 * (lvl - 1); const a = 1.7; extra.push({ id: `x${lvl}-${i}`, area: AREAS[(i + lvl) % 5]!, model: { kind: '2pl', a, d: -a * b }, scored: true }); }
const bank = [...catBank().filter((i) => i.scored), ...extra];
const TYPE_OF = new Map(ITEM_BANK.map((e) => [e.id, e.type]));
const sec = (id: string) => (TYPE_OF.get(id) === 'simulation' || id.startsWith('x') ? 70 : 35);
function answer(m: any, t: number, r: () => number) { const p = categoryProbs(m, t); let u = r(); for (let k = 0; k < p.length; k++) { u -= p[k]!; if (u <= 0) return k; } return p.length - 1; }
const N = 3000;
const people = mulberry32(11);
const pop: { theta: number; ans: Map<string, number>; full: string }[] = [];
for (let i = 0; i < N; i++) { const theta = normal(people); const ans = new Map(bank.map((b) => [b.id, answer(b.model, theta, people)])); const full = classify(eap(bank.map((b) => b.model), bank.map((b) => ans.get(b.id)!)).theta, cuts); pop.push({ theta, ans, full }); }
type Sel = 'nearest' | 'weighted' | 'theta';
function run(name: string, o: { conf: number; cap: number; rq: number; sel: Sel; balance: boolean }) {
  const rand = mulberry32(99);
  const lens: number[] = [], mins: number[] = []; let agree = 0, capped = 0, cappedAgree = 0;
  for (const c of pop) {
    let s: CatState = startState();
    for (;;) {
      const p = posterior(s, cuts);
      const d = predictDecision(p, remainingInformation(bank, s, p.theta), cuts);
      const n = s.administered.length;
      if ((n >= 6 && d.probability >= o.conf) || n >= o.cap || n === bank.length) {
        lens.push(n); mins.push(2.5 + s.administered.reduce((a, id) => a + sec(id), 0) / 60);
        if (d.group === c.full) agree++;
        if (n >= o.cap) { capped++; if (d.group === c.full) cappedAgree++; }
        break;
      }
      const used = new Set(s.administered);
      let av = bank.filter((b) => !used.has(b.id));
      if (o.balance) {
        let best: string | null = null, bd = -Infinity;
        const left = new Set(av.map((i) => i.area));
        for (const a of AREAS) { if (!left.has(a)) continue; const def = (n + 1) / 5 - s.areaCounts[a]; if (def > bd + 1e-12) { bd = def; best = a; } }
        av = av.filter((i) => i.area === best);
      }
      const score = (it: BankItem) => {
        if (o.sel === 'theta') return information(it.model, p.theta);
        if (o.sel === 'nearest') { const pt = Math.abs(p.theta - cuts.foundation) <= Math.abs(p.theta - cuts.jobGoal) ? cuts.foundation : cuts.jobGoal; return information(it.model, pt); }
        // weight each cut by how undecided it is: density of posterior at the cut
        const w1 = Math.exp(-0.5 * ((cuts.foundation - p.theta) / p.se) ** 2), w2 = Math.exp(-0.5 * ((cuts.jobGoal - p.theta) / p.se) ** 2);
        return w1 * information(it.model, cuts.foundation) + w2 * information(it.model, cuts.jobGoal);
      };
      const ranked = av.map((it) => ({ it, v: score(it) })).sort((a, b) => b.v - a.v).slice(0, o.rq);
      const next = ranked[Math.floor(rand() * ranked.length)]!.it;
      s = update(s, next, c.ans.get(next.id)!);
    }
  }
  lens.sort((a, b) => a - b); mins.sort((a, b) => a - b);
  console.log(name.padEnd(34), 'mean', (lens.reduce((a, b) => a + b, 0) / N).toFixed(1), 'med', lens[N / 2], 'p90', lens[Math.floor(N * 0.9)], 'agree', (agree / N * 100).toFixed(1), 'p90min', mins[Math.floor(N * 0.9)]!.toFixed(1), 'capped', (capped / N * 100).toFixed(1), 'cappedAgree', (cappedAgree / Math.max(capped, 1) * 100).toFixed(0), 'in15', (mins.filter((m) => m <= 15).length / N * 100).toFixed(0), 'in20', (mins.filter((m) => m <= 20).length / N * 100).toFixed(0));
}

for (const cap of [100]) for (const conf of [0.85, 0.9, 0.92, 0.94]) run(`weighted rq=1 bal cap${cap} conf${conf}`, { conf, cap, rq: 1, sel: 'weighted', balance: true });
run(`nearest rq=3 bal cap100 conf0.9`, { conf: 0.9, cap: 100, rq: 3, sel: 'nearest', balance: true });
