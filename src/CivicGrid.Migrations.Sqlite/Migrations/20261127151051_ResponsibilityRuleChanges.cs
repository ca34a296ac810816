using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ResponsibilityRuleChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "responsibility_rule_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RuleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CategoryCodeBefore = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    RegionCodeBefore = table.Column<string>(type: "TEXT", maxLength: 15, nullable: true),
                    UnitIdBefore = table.Column<int>(type: "INTEGER", nullable: true),
                    CoUnitIdsBefore = table.Column<string>(type: "TEXT", nullable: true),
                    NoteBefore = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CategoryCodeAfter = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    RegionCodeAfter = table.Column<string>(type: "TEXT", maxLength: 15, nullable: true),
                    UnitIdAfter = table.Column<int>(type: "INTEGER", nullable: true),
                    CoUnitIdsAfter = table.Column<string>(type: "TEXT", nullable: true),
                    NoteAfter = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_responsibility_rule_changes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_responsibility_rule_changes_At",
                table: "responsibility_rule_changes",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_responsibility_rule_changes_RegionCodeAfter",
                table: "responsibility_rule_changes",
                column: "RegionCodeAfter");

            migrationBuilder.CreateIndex(
                name: "IX_responsibility_rule_changes_RegionCodeBefore",
                table: "responsibility_rule_changes",
                column: "RegionCodeBefore");

            migrationBuilder.CreateIndex(
                name: "IX_responsibility_rule_changes_RuleId_At",
                table: "responsibility_rule_changes",
                columns: new[] { "RuleId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "responsibility_rule_changes");
        }
    }
}
