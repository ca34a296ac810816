using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CaseListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_DistrictCode_Status_ReportedAt",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_RegionCode_Status",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_case_assignments_UnitId_IsActive",
                table: "case_assignments");

            migrationBuilder.CreateIndex(
                name: "IX_cases_DistrictCode_Status_ReportedAt_Id",
                table: "cases",
                columns: new[] { "DistrictCode", "Status", "ReportedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_RegionCode_Status_ReportedAt_Id",
                table: "cases",
                columns: new[] { "RegionCode", "Status", "ReportedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_Status_RegionCode_ReportedAt_Id",
                table: "cases",
                columns: new[] { "Status", "RegionCode", "ReportedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_case_assignments_UnitId_IsActive_CaseId",
                table: "case_assignments",
                columns: new[] { "UnitId", "IsActive", "CaseId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_DistrictCode_Status_ReportedAt_Id",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_RegionCode_Status_ReportedAt_Id",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_Status_RegionCode_ReportedAt_Id",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_case_assignments_UnitId_IsActive_CaseId",
                table: "case_assignments");

            migrationBuilder.CreateIndex(
                name: "IX_cases_DistrictCode_Status_ReportedAt",
                table: "cases",
                columns: new[] { "DistrictCode", "Status", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_RegionCode_Status",
                table: "cases",
                columns: new[] { "RegionCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_case_assignments_UnitId_IsActive",
                table: "case_assignments",
                columns: new[] { "UnitId", "IsActive" });
        }
    }
}
