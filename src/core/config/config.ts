import { z } from 'zod';
import { appError, err, ok, type AppError, type Result } from '../result.ts';

/**
 * Every setting in one typed table: its env key, default, validation and whether it is a
 * secret. `.env.example` lists the same keys; a test keeps the two in step.
 */
const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const optionalSecret = z.string().trim().min(1).optional();
const optionalUrl = z.string().url().optional();
const list = z
  .string()
  .default('')
  .transform((s) => s.split(',').map((item) => item.trim()).filter(Boolean));
const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const configSchema = z.object({
  NEWSBRIEF_DB: z.string().min(1).default('data/newsbrief.db'),
  NEWSBRIEF_SEED: bool(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_HOST: z.string().min(1).default('127.0.0.1'),
  WEB_PORT: port(3000),
  WEB_TOKEN: optionalSecret,
  WEB_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  WEB_MAX_BODY_BYTES: z.coerce.number().int().min(256).max(1024 * 1024).default(16 * 1024),
  SLACK_BOT_TOKEN: optionalSecret,
  SLACK_SIGNING_SECRET: optionalSecret,
  SLACK_APP_TOKEN: optionalSecret,
  SLACK_PORT: port(3001),
  SLACK_API_URL: optionalUrl,
  SLACK_ADMIN_USERS: list,
  DISCORD_TOKEN: optionalSecret,
  DISCORD_APPLICATION_ID: z.string().regex(/^\d{5,25}$/, 'a Discord application id is a number (a snowflake)').optional(),
  DISCORD_API_URL: optionalUrl,
  FEEDS_POLL_CRON: z.union([z.literal('off'), z.string().min(9)]).default('*/15 * * * *'),
  FEEDS_DEFAULTS: z.string().min(1).default('bundled'),
  FEEDS_ALLOW_HOSTS: list,
  FEEDS_TIMEOUT_MS: z.coerce.number().int().min(1000).max(300_000).default(20_000),
  FEEDS_MAX_BYTES: z.coerce.number().int().min(1024).max(512 * 1024 * 1024).default(10 * 1024 * 1024),
  FEEDS_MAX_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  FEEDS_PAUSE_AFTER_FAILURES: z.coerce.number().int().min(1).max(1000).default(8),
  ALERT_MAX_AGE_HOURS: z.coerce.number().min(1).max(24 * 365).default(72),
  DIGEST_CATCHUP_MAX_HOURS: z.coerce.number().min(0).max(24 * 7).default(12),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
});

export type Config = z.infer<typeof configSchema>;

/** Keys whose values never appear in logs or error messages. */
export const SECRET_KEYS = new Set<keyof Config>([
  'WEB_TOKEN',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'DISCORD_TOKEN',
]);

/** Reads config from an env-like object; empty strings count as unset, like most dotenv tools. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Result<Config, AppError> {
  const known = Object.keys(configSchema.shape) as (keyof Config)[];
  const input = Object.fromEntries(known.map((key) => [key, env[key] === '' ? undefined : env[key]]));
  const parsed = configSchema.safeParse(input);
  if (parsed.success) return crossCheck(parsed.data);
  const problems = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0]) as keyof Config;
    const shown = SECRET_KEYS.has(key) ? '' : ` (got "${String(input[key]).slice(0, 60)}")`;
    return `${key}: ${issue.message}${shown}`;
  });
  return err(appError('config/invalid', `Invalid configuration — ${problems.join('; ')}. Fix it in .env or the environment (see .env.example).`));
}

function crossCheck(config: Config): Result<Config, AppError> {
  if (Boolean(config.DISCORD_TOKEN) !== Boolean(config.DISCORD_APPLICATION_ID)) {
    return err(appError('config/invalid', 'Discord needs both DISCORD_TOKEN and DISCORD_APPLICATION_ID (or neither). Set the missing one in .env.'));
  }
  if (config.SLACK_BOT_TOKEN && !config.SLACK_SIGNING_SECRET && !config.SLACK_APP_TOKEN) {
    return err(appError('config/invalid', 'Slack needs SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) next to SLACK_BOT_TOKEN.'));
  }
  return ok(config);
}

/** The config with secrets masked, safe to log. */
export function redactConfig(config: Config): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(config).map(([key, value]) => [key, SECRET_KEYS.has(key as keyof Config) && value ? '[set]' : value]),
  );
}
