CREATE TABLE "member_import_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_slack_user_id" text NOT NULL,
	"file_id" text NOT NULL,
	"file_name" text NOT NULL,
	"rows" jsonb,
	"problem" jsonb,
	"content_hash" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone,
	"outcome" text,
	"summary" jsonb,
	CONSTRAINT "member_import_drafts_file_id_unique" UNIQUE("file_id")
);
--> statement-breakpoint
CREATE INDEX "member_import_drafts_expires_at_idx" ON "member_import_drafts" USING btree ("expires_at") WHERE "member_import_drafts"."rows" is not null;