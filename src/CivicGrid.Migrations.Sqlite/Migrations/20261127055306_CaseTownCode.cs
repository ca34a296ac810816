using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CaseTownCode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TownCode",
                table: "cases",
                type: "TEXT",
                maxLength: 9,
                nullable: true);

            // Existing cases get the 镇街 of their cell (new ones get it from Case.RegionCode's setter).
            migrationBuilder.Sql("""UPDATE cases SET "TownCode" = substr("RegionCode", 1, 9) WHERE "RegionCode" IS NOT NULL AND length("RegionCode") >= 9""");

            migrationBuilder.CreateIndex(
                name: "IX_cases_TownCode_Status_ReportedAt_Id",
                table: "cases",
                columns: new[] { "TownCode", "Status", "ReportedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_TownCode_Status_ReportedAt_Id",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "TownCode",
                table: "cases");
        }
    }
}
