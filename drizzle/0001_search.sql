CREATE TABLE "search_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slack_user_id" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "search_document" "tsvector" DEFAULT ''::tsvector NOT NULL;--> statement-breakpoint
CREATE INDEX "search_requests_user_time_idx" ON "search_requests" USING btree ("slack_user_id","requested_at");--> statement-breakpoint
CREATE INDEX "members_search_document_idx" ON "members" USING gin ("search_document");