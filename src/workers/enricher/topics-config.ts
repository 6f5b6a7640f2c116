import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { PipelineError } from '../../errors.js';

/** A newsroom topic from config/topics.yaml (scheme 'custom'). */
export type CustomTopic = {
  /** "korean-peninsula" */
  id: string;
  /** Code on tagged articles: "custom:korean-peninsula". */
  code: string;
  label: string;
  phrases: Array<{ text: string; weight: number }>;
  /** Entity names (people, places, organisations) that count as evidence. */
  entities: Array<{ name: string; weight: number }>;
  /** Multiplies all evidence (default 1). */
  weight: number;
  /** Score (0–1) an article needs to get the topic (default 0.5). */
  minScore: number;
};

const Term = z.union([
  z.string().trim().min(1),
  z.object({ text: z.string().trim().min(1), weight: z.number().positive().max(10).default(1) }).strict(),
]);
const EntityTerm = z.union([
  z.string().trim().min(1),
  z.object({ name: z.string().trim().min(1), weight: z.number().positive().max(10).default(1) }).strict(),
]);

const TopicSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'id must be lowercase letters, digits and dashes'),
    label: z.string().trim().min(1),
    phrases: z.array(Term).default([]),
    entities: z.array(EntityTerm).default([]),
    weight: z.number().positive().max(10).default(1),
    minScore: z.number().min(0).max(1).default(0.5),
  })
  .strict()
  .refine((t) => t.phrases.length + t.entities.length > 0, { message: 'a topic needs at least one phrase or entity' });

const ConfigSchema = z
  .object({ topics: z.array(TopicSchema).default([]) })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.topics.forEach((t, i) => {
      if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: ['topics', i, 'id'], message: `duplicate topic id "${t.id}"` });
      seen.add(t.id);
    });
  });

/**
 * Parses and validates config/topics.yaml. Throws a permanent
 * PipelineError('config') that lists every problem with its path.
 */
export function parseTopicsConfig(yamlText: string): CustomTopic[] {
  let doc: unknown;
  try {
    doc = parseYaml(yamlText);
  } catch (err) {
    throw new PipelineError('config', false, `topics config is not valid YAML: ${(err as Error).message}`, err);
  }
  const parsed = ConfigSchema.safeParse(doc ?? {});
  if (!parsed.success) {
    throw new PipelineError('config', false, `invalid topics config:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data.topics.map((t) => ({
    id: t.id,
    code: `custom:${t.id}`,
    label: t.label,
    phrases: t.phrases.map((p) => (typeof p === 'string' ? { text: p, weight: 1 } : { text: p.text, weight: p.weight })),
    entities: t.entities.map((e) => (typeof e === 'string' ? { name: e, weight: 1 } : { name: e.name, weight: e.weight })),
    weight: t.weight,
    minScore: t.minScore,
  }));
}
