using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AssessmentOverdueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_assessment_daily_figures_overdue",
                table: "assessment_daily_figures",
                columns: new[] { "Day", "TownCode", "CommunityCode", "UnitId", "OverdueStarted", "LateClosed" },
                filter: "\"OverdueStarted\" <> 0 OR \"LateClosed\" <> 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_assessment_daily_figures_overdue",
                table: "assessment_daily_figures");
        }
    }
}
