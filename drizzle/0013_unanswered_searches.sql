CREATE TABLE "unanswered_searches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"search_id" uuid NOT NULL,
	"topic_key" text NOT NULL,
	"searched_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "unanswered_searches_searched_at_idx" ON "unanswered_searches" USING btree ("searched_at");