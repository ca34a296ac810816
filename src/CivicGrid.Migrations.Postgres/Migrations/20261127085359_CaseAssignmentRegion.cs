using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CaseAssignmentRegion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RegionCode",
                table: "case_assignments",
                type: "character varying(15)",
                maxLength: 15,
                nullable: true);

            // Existing assignments get their case's cell (new ones get it on dispatch, see CaseWorkflow.Dispatch).
            migrationBuilder.Sql("""UPDATE case_assignments AS a SET "RegionCode" = c."RegionCode" FROM cases AS c WHERE c."Id" = a."CaseId" AND c."RegionCode" IS NOT NULL""");

            migrationBuilder.CreateIndex(
                name: "IX_case_assignments_UnitId_RegionCode_CaseId",
                table: "case_assignments",
                columns: new[] { "UnitId", "RegionCode", "CaseId" });

            migrationBuilder.Sql(CivicGrid.Data.FullTextSql.PostgresTownWordsUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CivicGrid.Data.FullTextSql.PostgresTownWordsDown);

            migrationBuilder.DropIndex(
                name: "IX_case_assignments_UnitId_RegionCode_CaseId",
                table: "case_assignments");

            migrationBuilder.DropColumn(
                name: "RegionCode",
                table: "case_assignments");
        }
    }
}
