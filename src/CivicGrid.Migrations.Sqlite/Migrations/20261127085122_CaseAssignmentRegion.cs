using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 15,
                nullable: true);

            // Existing assignments get their case's cell (new ones get it on dispatch, see CaseWorkflow.Dispatch).
            migrationBuilder.Sql("""UPDATE case_assignments SET "RegionCode" = (SELECT c."RegionCode" FROM cases AS c WHERE c."Id" = case_assignments."CaseId")""");

            migrationBuilder.CreateIndex(
                name: "IX_case_assignments_UnitId_RegionCode_CaseId",
                table: "case_assignments",
                columns: new[] { "UnitId", "RegionCode", "CaseId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_case_assignments_UnitId_RegionCode_CaseId",
                table: "case_assignments");

            migrationBuilder.DropColumn(
                name: "RegionCode",
                table: "case_assignments");
        }
    }
}
