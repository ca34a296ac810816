using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CivicGrid.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AssessmentFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assessment_case_facts",
                columns: table => new
                {
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    Contribution = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Flags = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_case_facts", x => x.CaseId);
                });

            migrationBuilder.CreateTable(
                name: "assessment_daily_figures",
                columns: table => new
                {
                    Day = table.Column<int>(type: "integer", nullable: false),
                    CommunityCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    TownCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    CategoryTop = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Registered = table.Column<long>(type: "bigint", nullable: false),
                    RegisteredClosed = table.Column<long>(type: "bigint", nullable: false),
                    Dispatched = table.Column<long>(type: "bigint", nullable: false),
                    DispatchedPostponed = table.Column<long>(type: "bigint", nullable: false),
                    Closed = table.Column<long>(type: "bigint", nullable: false),
                    ClosedTimed = table.Column<long>(type: "bigint", nullable: false),
                    ClosedOnTime = table.Column<long>(type: "bigint", nullable: false),
                    ClosedReworked = table.Column<long>(type: "bigint", nullable: false),
                    ReworkTimes = table.Column<long>(type: "bigint", nullable: false),
                    HandlingMinutes = table.Column<long>(type: "bigint", nullable: false),
                    Evaluated = table.Column<long>(type: "bigint", nullable: false),
                    Satisfied = table.Column<long>(type: "bigint", nullable: false),
                    BasicallySatisfied = table.Column<long>(type: "bigint", nullable: false),
                    Contacted = table.Column<long>(type: "bigint", nullable: false),
                    Solved = table.Column<long>(type: "bigint", nullable: false),
                    AckDue = table.Column<long>(type: "bigint", nullable: false),
                    AckOnTime = table.Column<long>(type: "bigint", nullable: false),
                    OverdueStarted = table.Column<long>(type: "bigint", nullable: false),
                    LateClosed = table.Column<long>(type: "bigint", nullable: false),
                    InspectionRegistered = table.Column<long>(type: "bigint", nullable: false),
                    InspectionRegisteredClosed = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_daily_figures", x => new { x.Day, x.CommunityCode, x.TownCode, x.UnitId, x.CategoryTop });
                });

            migrationBuilder.CreateTable(
                name: "assessment_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SchemeId = table.Column<int>(type: "integer", nullable: false),
                    PeriodKey = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    BoardJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "assessment_schemes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SubjectKind = table.Column<int>(type: "integer", nullable: false),
                    PeriodKind = table.Column<int>(type: "integer", nullable: false),
                    MonthStartDay = table.Column<int>(type: "integer", nullable: false),
                    BasicallySatisfiedWeight = table.Column<double>(type: "double precision", nullable: false),
                    IsDefault = table.Column<bool>(type: "boolean", nullable: false),
                    ItemsJson = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_schemes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assessment_daily_figures_TownCode_Day",
                table: "assessment_daily_figures",
                columns: new[] { "TownCode", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_assessment_daily_figures_UnitId_Day",
                table: "assessment_daily_figures",
                columns: new[] { "UnitId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_assessment_runs_SchemeId_PeriodKey",
                table: "assessment_runs",
                columns: new[] { "SchemeId", "PeriodKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assessment_case_facts");

            migrationBuilder.DropTable(
                name: "assessment_daily_figures");

            migrationBuilder.DropTable(
                name: "assessment_runs");

            migrationBuilder.DropTable(
                name: "assessment_schemes");
        }
    }
}
