CREATE TABLE "search_index" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"document_version" text NOT NULL,
	"claimed_until" timestamp with time zone,
	CONSTRAINT "search_index_single_row" CHECK ("search_index"."id" = 1)
);
