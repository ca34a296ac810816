using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CivicGrid.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SafetyAudits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "safety_audit_templates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_safety_audit_templates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "safety_audit_sections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TemplateId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Weight = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_safety_audit_sections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_safety_audit_sections_safety_audit_templates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "safety_audit_templates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "safety_audits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    TemplateId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AuditDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Auditors = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    InjuryRate = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    TotalPercent = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true),
                    Stars = table.Column<int>(type: "integer", nullable: true),
                    FailedElements = table.Column<int>(type: "integer", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_safety_audits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_safety_audits_safety_audit_templates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "safety_audit_templates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_safety_audits_units_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "safety_audit_elements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SectionId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Weight = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_safety_audit_elements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_safety_audit_elements_safety_audit_sections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "safety_audit_sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "safety_audit_scores",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuditId = table.Column<int>(type: "integer", nullable: false),
                    ElementId = table.Column<int>(type: "integer", nullable: false),
                    SectionOrder = table.Column<int>(type: "integer", nullable: false),
                    SectionName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SectionWeight = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    ElementCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ElementName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Weight = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    Score = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    Failed = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    HiddenDangerId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_safety_audit_scores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_safety_audit_scores_safety_audits_AuditId",
                        column: x => x.AuditId,
                        principalTable: "safety_audits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_safety_audit_elements_SectionId",
                table: "safety_audit_elements",
                column: "SectionId");

            migrationBuilder.CreateIndex(
                name: "IX_safety_audit_scores_AuditId_ElementCode",
                table: "safety_audit_scores",
                columns: new[] { "AuditId", "ElementCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_safety_audit_sections_TemplateId",
                table: "safety_audit_sections",
                column: "TemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_safety_audit_templates_Code",
                table: "safety_audit_templates",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_safety_audits_EnterpriseId_AuditDate",
                table: "safety_audits",
                columns: new[] { "EnterpriseId", "AuditDate" });

            migrationBuilder.CreateIndex(
                name: "IX_safety_audits_TemplateId",
                table: "safety_audits",
                column: "TemplateId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "safety_audit_elements");

            migrationBuilder.DropTable(
                name: "safety_audit_scores");

            migrationBuilder.DropTable(
                name: "safety_audit_sections");

            migrationBuilder.DropTable(
                name: "safety_audits");

            migrationBuilder.DropTable(
                name: "safety_audit_templates");
        }
    }
}
