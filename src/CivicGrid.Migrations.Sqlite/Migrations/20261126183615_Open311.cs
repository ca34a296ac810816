using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Open311 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "open311_integrations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    KeyPrefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LastUsedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsDisabled = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_open311_integrations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "open311_service_attributes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CategoryCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Datatype = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DatatypeDescription = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Required = table.Column<bool>(type: "INTEGER", nullable: false),
                    Variable = table.Column<bool>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Values = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_open311_service_attributes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "open311_reports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IntegrationId = table.Column<int>(type: "INTEGER", nullable: false),
                    MediaUrl = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReporterEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Attributes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_open311_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_open311_reports_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_open311_reports_open311_integrations_IntegrationId",
                        column: x => x.IntegrationId,
                        principalTable: "open311_integrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_open311_integrations_KeyHash",
                table: "open311_integrations",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_open311_reports_CaseId",
                table: "open311_reports",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_open311_reports_IntegrationId",
                table: "open311_reports",
                column: "IntegrationId");

            migrationBuilder.CreateIndex(
                name: "IX_open311_reports_Token",
                table: "open311_reports",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_open311_service_attributes_CategoryCode_Code",
                table: "open311_service_attributes",
                columns: new[] { "CategoryCode", "Code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "open311_reports");

            migrationBuilder.DropTable(
                name: "open311_service_attributes");

            migrationBuilder.DropTable(
                name: "open311_integrations");
        }
    }
}
