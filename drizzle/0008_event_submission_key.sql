ALTER TABLE "events" ADD COLUMN "submission_key" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "edit_submission_key" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "posting_told_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_submission_key_unique" UNIQUE("submission_key");