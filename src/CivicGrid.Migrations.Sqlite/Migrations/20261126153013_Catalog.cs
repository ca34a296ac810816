using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Catalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "calendar_overrides",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsOffDay = table.Column<bool>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_overrides", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "case_categories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ParentCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeLimitValue = table.Column<int>(type: "INTEGER", nullable: true),
                    TimeLimitUnit = table.Column<int>(type: "INTEGER", nullable: true),
                    RegisterCriteria = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CloseCriteria = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DefaultUnitKind = table.Column<int>(type: "INTEGER", nullable: true),
                    DefaultDepartmentCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Keywords = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AcceptsPublicReports = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReopenOnDissatisfied = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_categories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "responsibility_rules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CategoryCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    CoUnitIds = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_responsibility_rules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_responsibility_rules_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_categories_Code",
                table: "case_categories",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_categories_ParentCode",
                table: "case_categories",
                column: "ParentCode");

            migrationBuilder.CreateIndex(
                name: "IX_responsibility_rules_CategoryCode_RegionCode",
                table: "responsibility_rules",
                columns: new[] { "CategoryCode", "RegionCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_responsibility_rules_RegionCode",
                table: "responsibility_rules",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_responsibility_rules_UnitId",
                table: "responsibility_rules",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "calendar_overrides");

            migrationBuilder.DropTable(
                name: "case_categories");

            migrationBuilder.DropTable(
                name: "responsibility_rules");
        }
    }
}
