using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Migrations.Sqlite.Migrations
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
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Contribution = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Flags = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_case_facts", x => x.CaseId);
                });

            migrationBuilder.CreateTable(
                name: "assessment_daily_figures",
                columns: table => new
                {
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    CommunityCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    TownCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    CategoryTop = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Registered = table.Column<long>(type: "INTEGER", nullable: false),
                    RegisteredClosed = table.Column<long>(type: "INTEGER", nullable: false),
                    Dispatched = table.Column<long>(type: "INTEGER", nullable: false),
                    DispatchedPostponed = table.Column<long>(type: "INTEGER", nullable: false),
                    Closed = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedTimed = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedOnTime = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedReworked = table.Column<long>(type: "INTEGER", nullable: false),
                    ReworkTimes = table.Column<long>(type: "INTEGER", nullable: false),
                    HandlingMinutes = table.Column<long>(type: "INTEGER", nullable: false),
                    Evaluated = table.Column<long>(type: "INTEGER", nullable: false),
                    Satisfied = table.Column<long>(type: "INTEGER", nullable: false),
                    BasicallySatisfied = table.Column<long>(type: "INTEGER", nullable: false),
                    Contacted = table.Column<long>(type: "INTEGER", nullable: false),
                    Solved = table.Column<long>(type: "INTEGER", nullable: false),
                    AckDue = table.Column<long>(type: "INTEGER", nullable: false),
                    AckOnTime = table.Column<long>(type: "INTEGER", nullable: false),
                    OverdueStarted = table.Column<long>(type: "INTEGER", nullable: false),
                    LateClosed = table.Column<long>(type: "INTEGER", nullable: false),
                    InspectionRegistered = table.Column<long>(type: "INTEGER", nullable: false),
                    InspectionRegisteredClosed = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_daily_figures", x => new { x.Day, x.CommunityCode, x.TownCode, x.UnitId, x.CategoryTop });
                });

            migrationBuilder.CreateTable(
                name: "assessment_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SchemeId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodKey = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    BoardJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "assessment_schemes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SubjectKind = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodKind = table.Column<int>(type: "INTEGER", nullable: false),
                    MonthStartDay = table.Column<int>(type: "INTEGER", nullable: false),
                    BasicallySatisfiedWeight = table.Column<double>(type: "REAL", nullable: false),
                    IsDefault = table.Column<bool>(type: "INTEGER", nullable: false),
                    ItemsJson = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
