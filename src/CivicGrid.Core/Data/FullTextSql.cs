namespace CivicGrid.Data;

/// <summary>
/// Hand-written full-text objects the model does not describe; a migration runs them with
/// <c>migrationBuilder.Sql(FullTextSql.SqliteUp)</c> (or the PostgreSQL pair). Both index
/// <c>cases."SearchText"</c>, the jieba-segmented description and address (see <c>SearchTokens</c>).
/// </summary>
public static class FullTextSql
{
    /// <summary>FTS5 external-content table over cases(SearchText), kept in step by triggers, filled from existing rows.</summary>
    public const string SqliteUp = """
        CREATE VIRTUAL TABLE IF NOT EXISTS cases_fts USING fts5("SearchText", content='cases', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER IF NOT EXISTS cases_fts_ai AFTER INSERT ON cases BEGIN
          INSERT INTO cases_fts(rowid, "SearchText") VALUES (new."Id", new."SearchText");
        END;
        CREATE TRIGGER IF NOT EXISTS cases_fts_ad AFTER DELETE ON cases BEGIN
          INSERT INTO cases_fts(cases_fts, rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
        END;
        CREATE TRIGGER IF NOT EXISTS cases_fts_au AFTER UPDATE OF "SearchText" ON cases BEGIN
          INSERT INTO cases_fts(cases_fts, rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
          INSERT INTO cases_fts(rowid, "SearchText") VALUES (new."Id", new."SearchText");
        END;
        INSERT INTO cases_fts(cases_fts) VALUES ('rebuild');
        """;

    public const string SqliteDown = """
        DROP TRIGGER IF EXISTS cases_fts_au;
        DROP TRIGGER IF EXISTS cases_fts_ad;
        DROP TRIGGER IF EXISTS cases_fts_ai;
        DROP TABLE IF EXISTS cases_fts;
        """;

    /// <summary>A stored generated tsvector (the 'simple' configuration: words as jieba cut them, lower-cased) and its GIN index.</summary>
    public const string PostgresUp = """
        ALTER TABLE cases ADD COLUMN IF NOT EXISTS search_vector tsvector
          GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, coalesce("SearchText", ''))) STORED;
        CREATE INDEX IF NOT EXISTS "IX_cases_search_vector" ON cases USING GIN (search_vector);
        """;

    /// <summary>
    /// The words of a case prefixed with its 镇街 ("110199001:垃圾") in a GIN index: a word common across the district
    /// (垃圾 is in one case of 17) is one entry per 镇街 here, so a search within a 镇街 reads that 镇街's matches only.
    /// See <c>CaseSearch.Matching</c>.
    /// </summary>
    public const string PostgresTownWordsUp = """
        CREATE OR REPLACE FUNCTION case_town_words(town text, words tsvector) RETURNS text[]
          LANGUAGE sql IMMUTABLE PARALLEL SAFE
          RETURN ARRAY(SELECT town || ':' || w FROM unnest(tsvector_to_array(words)) AS w);
        CREATE INDEX IF NOT EXISTS "IX_cases_town_words" ON cases USING GIN (case_town_words("TownCode", search_vector));
        """;

    public const string PostgresTownWordsDown = """
        DROP INDEX IF EXISTS "IX_cases_town_words";
        DROP FUNCTION IF EXISTS case_town_words(text, tsvector);
        """;

    public const string PostgresDown = """
        DROP INDEX IF EXISTS "IX_cases_search_vector";
        ALTER TABLE cases DROP COLUMN IF EXISTS search_vector;
        """;
}
