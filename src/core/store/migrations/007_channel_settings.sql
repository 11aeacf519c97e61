-- Per-channel settings an operator chooses (issue #9). One row per channel that has any.
-- alert_role: the platform's id of a group to notify above policy alerts (a Discord role id);
-- NULL means alerts notify nobody beyond the channel's own notification settings.
CREATE TABLE channel_settings (
  platform   TEXT NOT NULL,
  workspace  TEXT NOT NULL,
  channel    TEXT NOT NULL,
  alert_role TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (platform, workspace, channel)
);
