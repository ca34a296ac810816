using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PublicTrackingCaseListIndexes : Migration
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

            migrationBuilder.CreateTable(
                name: "case_supports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_supports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_supports_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tracking_links",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    ReporterKey = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tracking_links", x => x.Id);
                    table.ForeignKey(
                        name: "FK_tracking_links_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateIndex(
                name: "IX_case_supports_CaseId",
                table: "case_supports",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_case_supports_IdempotencyKey",
                table: "case_supports",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tracking_links_CaseId",
                table: "tracking_links",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_tracking_links_TokenHash",
                table: "tracking_links",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_supports");

            migrationBuilder.DropTable(
                name: "tracking_links");

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
