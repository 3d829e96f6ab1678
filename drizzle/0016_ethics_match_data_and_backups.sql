CREATE TABLE "backup_runs" (
	"day" date PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"claimed_until" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"file" text,
	"failed_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
ALTER TABLE "introduction_requests" ALTER COLUMN "ethics_match" SET DATA TYPE jsonb USING CASE WHEN "ethics_match" IS NULL THEN NULL ELSE jsonb_build_object('summary', "ethics_match") END;--> statement-breakpoint
ALTER TABLE "introduction_requests" ADD COLUMN "ethics_supervisor_notified_at" timestamp with time zone;--> statement-breakpoint
UPDATE "introduction_requests" SET "ethics_supervisor_notified_at" = d."sent_at" FROM "deliveries" d WHERE d."key" = 'introduction.notice:' || "introduction_requests"."id" || ':supervisor' AND d."status" = 'sent';
