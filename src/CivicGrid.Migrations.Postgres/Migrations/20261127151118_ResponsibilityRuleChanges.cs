using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CivicGrid.Migrations.Postgres.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RuleId = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActorName = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CategoryCodeBefore = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    RegionCodeBefore = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    UnitIdBefore = table.Column<int>(type: "integer", nullable: true),
                    CoUnitIdsBefore = table.Column<List<int>>(type: "integer[]", nullable: true),
                    NoteBefore = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CategoryCodeAfter = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    RegionCodeAfter = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    UnitIdAfter = table.Column<int>(type: "integer", nullable: true),
                    CoUnitIdsAfter = table.Column<List<int>>(type: "integer[]", nullable: true),
                    NoteAfter = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
