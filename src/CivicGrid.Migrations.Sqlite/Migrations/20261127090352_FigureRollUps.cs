using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FigureRollUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assessment_monthly_figures",
                columns: table => new
                {
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    TownCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    CommunityCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
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
                    table.PrimaryKey("PK_assessment_monthly_figures", x => new { x.Month, x.TownCode, x.CommunityCode, x.UnitId });
                });

            migrationBuilder.CreateTable(
                name: "assessment_town_daily_figures",
                columns: table => new
                {
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    TownCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
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
                    table.PrimaryKey("PK_assessment_town_daily_figures", x => new { x.Day, x.TownCode, x.CategoryTop });
                });

            migrationBuilder.CreateIndex(
                name: "IX_assessment_monthly_figures_overdue",
                table: "assessment_monthly_figures",
                columns: new[] { "Month", "TownCode", "CommunityCode", "UnitId", "OverdueStarted", "LateClosed" },
                filter: "\"OverdueStarted\" <> 0 OR \"LateClosed\" <> 0");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_town_daily_figures_TownCode_Day",
                table: "assessment_town_daily_figures",
                columns: new[] { "TownCode", "Day" });

            // The roll-ups start from the daily figures already there.
            migrationBuilder.Sql(@"INSERT INTO assessment_monthly_figures (""Month"", ""TownCode"", ""CommunityCode"", ""UnitId"", ""Registered"", ""RegisteredClosed"", ""Dispatched"", ""DispatchedPostponed"", ""Closed"", ""ClosedTimed"", ""ClosedOnTime"", ""ClosedReworked"", ""ReworkTimes"", ""HandlingMinutes"", ""Evaluated"", ""Satisfied"", ""BasicallySatisfied"", ""Contacted"", ""Solved"", ""AckDue"", ""AckOnTime"", ""OverdueStarted"", ""LateClosed"", ""InspectionRegistered"", ""InspectionRegisteredClosed"")
SELECT ""Day"" / 100, ""TownCode"", ""CommunityCode"", ""UnitId"", SUM(""Registered""), SUM(""RegisteredClosed""), SUM(""Dispatched""), SUM(""DispatchedPostponed""), SUM(""Closed""), SUM(""ClosedTimed""), SUM(""ClosedOnTime""), SUM(""ClosedReworked""), SUM(""ReworkTimes""), SUM(""HandlingMinutes""), SUM(""Evaluated""), SUM(""Satisfied""), SUM(""BasicallySatisfied""), SUM(""Contacted""), SUM(""Solved""), SUM(""AckDue""), SUM(""AckOnTime""), SUM(""OverdueStarted""), SUM(""LateClosed""), SUM(""InspectionRegistered""), SUM(""InspectionRegisteredClosed"")
FROM assessment_daily_figures GROUP BY ""Day"" / 100, ""TownCode"", ""CommunityCode"", ""UnitId"";");
            migrationBuilder.Sql(@"INSERT INTO assessment_town_daily_figures (""Day"", ""TownCode"", ""CategoryTop"", ""Registered"", ""RegisteredClosed"", ""Dispatched"", ""DispatchedPostponed"", ""Closed"", ""ClosedTimed"", ""ClosedOnTime"", ""ClosedReworked"", ""ReworkTimes"", ""HandlingMinutes"", ""Evaluated"", ""Satisfied"", ""BasicallySatisfied"", ""Contacted"", ""Solved"", ""AckDue"", ""AckOnTime"", ""OverdueStarted"", ""LateClosed"", ""InspectionRegistered"", ""InspectionRegisteredClosed"")
SELECT ""Day"", ""TownCode"", ""CategoryTop"", SUM(""Registered""), SUM(""RegisteredClosed""), SUM(""Dispatched""), SUM(""DispatchedPostponed""), SUM(""Closed""), SUM(""ClosedTimed""), SUM(""ClosedOnTime""), SUM(""ClosedReworked""), SUM(""ReworkTimes""), SUM(""HandlingMinutes""), SUM(""Evaluated""), SUM(""Satisfied""), SUM(""BasicallySatisfied""), SUM(""Contacted""), SUM(""Solved""), SUM(""AckDue""), SUM(""AckOnTime""), SUM(""OverdueStarted""), SUM(""LateClosed""), SUM(""InspectionRegistered""), SUM(""InspectionRegisteredClosed"")
FROM assessment_daily_figures GROUP BY ""Day"", ""TownCode"", ""CategoryTop"";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assessment_monthly_figures");

            migrationBuilder.DropTable(
                name: "assessment_town_daily_figures");
        }
    }
}
