// `digiloft demand …`: the job-ad model from the command line — tag CoNLL tokens, classify
// snippets into ESCO groups, rebuild the model from the Kompetencer data, and measure it.
import fs from 'node:fs';
import type { Command } from 'commander';
import { CliInputError } from '../platform/cli/cli-error';
import { progressBar } from '../platform/cli/progress';
import { CorpusError, parseConll, parseSnippets } from './job-ads/corpus';
import {
  CLASSIFIER_EPOCHS,
  DANISH_WEIGHT,
  DEFAULT_MODEL_FILE,
  JobAdAnalyser,
  TAGGER_EPOCHS,
  trainJobAdModel,
} from './job-ads/job-ad-model';
import { readTrainingData } from './job-ads/training-data';
import { evaluateJobAdModels, type SpanScore } from './job-ads/evaluate.model';

function read(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new CliInputError(`Cannot read ${file}.`);
  }
}

/** Runs a parser or loader, turning what it rejects into a CLI input error (exit 2). */
function input<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof CorpusError || err instanceof SyntaxError)
      throw new CliInputError(err.message);
    throw err;
  }
}

function loadModel(file: string | undefined): JobAdAnalyser {
  if (file === undefined) return JobAdAnalyser.load(DEFAULT_MODEL_FILE);
  read(file);
  return input(() => JobAdAnalyser.load(file));
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(5);
const spanLine = (label: string, s: SpanScore) =>
  `  ${label.padEnd(28)}F1 ${pct(s.f1)} %   precision ${pct(s.precision)} %   recall ${pct(s.recall)} %   (${s.correct}/${s.gold} spans)`;

export function registerDemandCommands(program: Command) {
  const demand = program
    .command('demand')
    .description('Job demand: find skills and knowledge in Danish job ads (ESCO groups, DigComp).');

  demand
    .command('tag')
    .description('Tag tokens (first column of a CoNLL file; blank line ends a sentence).')
    .requiredOption('--input <file>', 'CoNLL file: one token a line in the first column')
    .option('--model <file>', 'model file (default: the committed one)')
    .option('--json', 'print {"sentences":[[{"token","skill","knowledge"}, …], …]}')
    .action((opts: { input: string; model?: string; json?: boolean }) => {
      const sentences = input(() => parseConll(read(opts.input), false));
      const tagged = loadModel(opts.model).tag(sentences);
      if (opts.json) {
        process.stdout.write(JSON.stringify({ sentences: tagged }) + '\n');
        return;
      }
      for (const s of tagged)
        process.stdout.write(
          s.map((t) => `${t.token}\t${t.skill}\t${t.knowledge}`).join('\n') + '\n\n',
        );
    });

  demand
    .command('classify')
    .description('Give each snippet (first tab-separated column of a line) its ESCO group.')
    .requiredOption('--input <file>', 'TSV file: one snippet a line in the first column')
    .option('--model <file>', 'model file (default: the committed one)')
    .option('--json', 'print {"labels":["S1", …]}')
    .action((opts: { input: string; model?: string; json?: boolean }) => {
      const snippets = input(() => parseSnippets(read(opts.input), false));
      const labels = loadModel(opts.model).classify(snippets);
      if (opts.json) {
        process.stdout.write(JSON.stringify({ labels }) + '\n');
        return;
      }
      snippets.forEach((s, i) => process.stdout.write(`${labels[i]}\t${s}\n`));
    });

  demand
    .command('train')
    .description('Rebuild the model from the Kompetencer data (Zhang, Jensen & Plank, LREC 2022).')
    .requiredOption('--data <dir>', 'the Kompetencer folder (e.g. ../shared/reference/kompetencer)')
    .requiredOption('--out <file>', 'where to write the model (JSON)')
    .action((opts: { data: string; out: string }) => {
      const data = input(() => readTrainingData(opts.data));
      const bar = progressBar('Training', true);
      let step = 0;
      const model = trainJobAdModel(data.sentences, data.danish, data.english, () =>
        bar.update(++step, 3),
      );
      bar.stop();
      try {
        fs.writeFileSync(opts.out, JSON.stringify(model));
      } catch {
        throw new CliInputError(`Cannot write ${opts.out}.`);
      }
      const kb = Math.round(fs.statSync(opts.out).size / 1024);
      process.stdout.write(
        `Model written to ${opts.out} (${kb} KB): ${data.sentences.length} sentences, ` +
          `${data.danish.length} Danish and ${data.english.length} English snippets.\n`,
      );
    });

  demand
    .command('evaluate')
    .description(
      'Measure the models by k-fold cross-validation over the Danish train split, beside baselines.',
    )
    .requiredOption('--data <dir>', 'the Kompetencer folder')
    .option('--folds <k>', 'number of folds', '10')
    .option('--json', 'print the figures as JSON')
    .action((opts: { data: string; folds: string; json?: boolean }) => {
      const k = Number(opts.folds);
      if (!Number.isInteger(k) || k < 2 || k > 50)
        throw new CliInputError('--folds must be a whole number from 2 to 50.');
      const data = input(() => readTrainingData(opts.data));
      const bar = progressBar('Cross-validating', true);
      const r = evaluateJobAdModels(data, {
        k,
        taggerEpochs: TAGGER_EPOCHS,
        classifierEpochs: CLASSIFIER_EPOCHS,
        danishWeight: DANISH_WEIGHT,
        onStep: (done, total) => bar.update(done, total),
      });
      bar.stop();
      if (opts.json) {
        process.stdout.write(JSON.stringify(r) + '\n');
        return;
      }
      const g = r.groups;
      const lines = [
        `${k}-fold cross-validation over the Danish train split (${r.sentences} sentences, ${g.model.n} snippets)`,
        'Skills (exact-match spans)',
        spanLine('model (tagger + phrases)', r.skills.model),
        spanLine('tagger alone', r.skills.tagger),
        spanLine('baseline: training spans', r.skills.dictionary),
        'Knowledge (exact-match spans)',
        spanLine('model (tagger + phrases)', r.knowledge.model),
        spanLine('tagger alone', r.knowledge.tagger),
        spanLine('baseline: training spans', r.knowledge.dictionary),
        'ESCO groups (Danish snippets)',
        `  model                       accuracy ${pct(g.model.accuracy)} %   macro-F1 ${pct(g.model.macroF1)} %`,
        `  baseline: most frequent     accuracy ${pct(g.mostFrequent.accuracy)} %   macro-F1 ${pct(g.mostFrequent.macroF1)} %`,
      ];
      if (r.groupsEnglishDev) {
        const d = r.groupsEnglishDev;
        lines.push(
          `ESCO groups (English dev split, ${d.model.n} snippets)`,
          `  model                       accuracy ${pct(d.model.accuracy)} %   macro-F1 ${pct(d.model.macroF1)} %`,
          `  baseline: most frequent     accuracy ${pct(d.mostFrequent.accuracy)} %   macro-F1 ${pct(d.mostFrequent.macroF1)} %`,
        );
        for (const group of ['S5', 'K06'])
          lines.push(
            `  ${group} (${d.model.perGroup[group]!.support} snippets)`.padEnd(30) +
              `precision ${pct(d.model.perGroup[group]!.precision)} %   recall ${pct(d.model.perGroup[group]!.recall)} %`,
          );
      }
      process.stdout.write(lines.join('\n') + '\n');
    });
}
