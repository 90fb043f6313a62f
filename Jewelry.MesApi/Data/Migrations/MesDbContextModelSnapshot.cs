using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Jewelry.MesApi.Data.Migrations;

// The model as of the latest migration. EF Core compares it with the live model at Migrate() and
// refuses to run when they differ; update it together with each new migration.
[DbContext(typeof(MesDbContext))]
public sealed class MesDbContextModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder
            .HasAnnotation("ProductVersion", "10.0.0")
            .HasAnnotation("Relational:MaxIdentifierLength", 63);

        NpgsqlModelBuilderExtensions.UseIdentityByDefaultColumns(modelBuilder);

        modelBuilder.Entity("Jewelry.Messaging.Inbox.InboxMessage", b =>
        {
            b.Property<string>("MessageId").HasMaxLength(100).HasColumnType("character varying(100)").HasColumnName("message_id");
            b.Property<string>("Consumer").HasMaxLength(200).HasColumnType("character varying(200)").HasColumnName("consumer");
            b.Property<string>("MessageType").IsRequired().HasMaxLength(200).HasColumnType("character varying(200)").HasColumnName("message_type");
            b.Property<Guid?>("OrderId").HasColumnType("uuid").HasColumnName("order_id");
            b.Property<DateTimeOffset>("ProcessedAt").HasColumnType("timestamp with time zone").HasColumnName("processed_at");

            b.HasKey("MessageId", "Consumer").HasName("pk_inbox_messages");
            b.ToTable("inbox_messages");
        });

        modelBuilder.Entity("Jewelry.Messaging.Outbox.OutboxMessage", b =>
        {
            b.Property<Guid>("Id").HasColumnType("uuid").HasColumnName("id");
            b.Property<string>("MessageType").IsRequired().HasMaxLength(200).HasColumnType("character varying(200)").HasColumnName("message_type");
            b.Property<string>("RoutingKey").IsRequired().HasMaxLength(200).HasColumnType("character varying(200)").HasColumnName("routing_key");
            b.Property<string>("Payload").IsRequired().HasColumnType("jsonb").HasColumnName("payload");
            b.Property<Guid?>("OrderId").HasColumnType("uuid").HasColumnName("order_id");
            b.Property<string>("TraceParent").HasMaxLength(128).HasColumnType("character varying(128)").HasColumnName("trace_parent");
            b.Property<string>("TraceState").HasMaxLength(512).HasColumnType("character varying(512)").HasColumnName("trace_state");
            b.Property<string>("Baggage").HasMaxLength(2048).HasColumnType("character varying(2048)").HasColumnName("baggage");
            b.Property<DateTimeOffset>("CreatedAt").HasColumnType("timestamp with time zone").HasColumnName("created_at");
            b.Property<DateTimeOffset?>("SentAt").HasColumnType("timestamp with time zone").HasColumnName("sent_at");
            b.Property<int>("Attempts").HasColumnType("integer").HasColumnName("attempts");
            b.Property<string>("LastError").HasColumnType("text").HasColumnName("last_error");

            b.HasKey("Id").HasName("pk_outbox_messages");
            b.HasIndex("CreatedAt").HasDatabaseName("ix_outbox_messages_created_at").HasFilter("sent_at IS NULL");
            b.ToTable("outbox_messages");
        });

        modelBuilder.Entity("Jewelry.MesApi.Domain.PriceCalculation", b =>
        {
            b.Property<Guid>("Id").HasColumnType("uuid").HasColumnName("id");
            b.Property<Guid>("OrderId").HasColumnType("uuid").HasColumnName("order_id");
            b.Property<string>("Status").IsRequired().HasColumnType("text").HasColumnName("status");
            b.Property<string>("ModelKey").IsRequired().HasColumnType("text").HasColumnName("model_key");
            b.Property<string>("Material").IsRequired().HasColumnType("text").HasColumnName("material");
            b.Property<double?>("VolumeMm3").HasColumnType("double precision").HasColumnName("volume_mm3");
            b.Property<double?>("SurfaceAreaMm2").HasColumnType("double precision").HasColumnName("surface_area_mm2");
            b.Property<double?>("BoundingBoxXMm").HasColumnType("double precision").HasColumnName("bounding_box_x_mm");
            b.Property<double?>("BoundingBoxYMm").HasColumnType("double precision").HasColumnName("bounding_box_y_mm");
            b.Property<double?>("BoundingBoxZMm").HasColumnType("double precision").HasColumnName("bounding_box_z_mm");
            b.Property<int?>("TriangleCount").HasColumnType("integer").HasColumnName("triangle_count");
            b.Property<double?>("MetalMassG").HasColumnType("double precision").HasColumnName("metal_mass_g");
            b.Property<decimal?>("Price").HasPrecision(12, 2).HasColumnType("numeric(12,2)").HasColumnName("price");
            b.Property<string>("Currency").HasMaxLength(3).HasColumnType("character varying(3)").HasColumnName("currency");
            b.Property<string>("FailureReason").HasColumnType("text").HasColumnName("failure_reason");
            b.Property<DateTimeOffset>("CalculatedAt").HasColumnType("timestamp with time zone").HasColumnName("calculated_at");
            b.Property<double>("DurationMs").HasColumnType("double precision").HasColumnName("duration_ms");

            b.HasKey("Id").HasName("pk_price_calculations");
            b.HasIndex("OrderId", "CalculatedAt").HasDatabaseName("ix_price_calculations_order_id_calculated_at");
            b.ToTable("price_calculations");
        });

        modelBuilder.Entity("Jewelry.MesApi.Domain.ProductionOrder", b =>
        {
            b.Property<Guid>("Id").HasColumnType("uuid").HasColumnName("id");
            b.Property<Guid>("OrderId").HasColumnType("uuid").HasColumnName("order_id");
            b.Property<string>("Material").IsRequired().HasColumnType("text").HasColumnName("material");
            b.Property<string>("Stage").IsRequired().HasColumnType("text").HasColumnName("stage");
            b.Property<string>("TrackingNumber").HasColumnType("text").HasColumnName("tracking_number");
            b.Property<DateTimeOffset>("CreatedAt").HasColumnType("timestamp with time zone").HasColumnName("created_at");
            b.Property<DateTimeOffset>("UpdatedAt").HasColumnType("timestamp with time zone").HasColumnName("updated_at");
            b.Property<DateTimeOffset>("StageChangedAt").HasColumnType("timestamp with time zone").HasColumnName("stage_changed_at");
            b.Property<uint>("Version").IsConcurrencyToken().ValueGeneratedOnAddOrUpdate().HasColumnType("xid").HasColumnName("xmin");
            b.Property<string>("Source").IsRequired().HasColumnType("text").HasColumnName("source");
            b.Property<string>("SellerClientId").HasColumnType("text").HasColumnName("seller_client_id");
            b.Property<string>("ModelKey").IsRequired().HasColumnType("text").HasColumnName("model_key");
            b.Property<string>("ProductType").IsRequired().HasColumnType("text").HasColumnName("product_type");
            b.Property<decimal?>("Price").HasPrecision(12, 2).HasColumnType("numeric(12,2)").HasColumnName("price");
            b.Property<string>("Currency").HasMaxLength(3).HasColumnType("character varying(3)").HasColumnName("currency");

            b.HasKey("Id").HasName("pk_production_orders");
            b.HasIndex("OrderId").IsUnique().HasDatabaseName("ix_production_orders_order_id");
            b.HasIndex("SellerClientId", "CreatedAt").HasDatabaseName("ix_production_orders_seller_client_id_created_at");
            b.HasIndex("Stage").HasDatabaseName("ix_production_orders_stage");
            b.ToTable("production_orders");
        });

        modelBuilder.Entity("Jewelry.MesApi.Domain.ProductionStep", b =>
        {
            b.Property<long>("Id").ValueGeneratedOnAdd().HasColumnType("bigint").HasColumnName("id");
            NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<long>("Id"));
            b.Property<Guid>("ProductionOrderId").HasColumnType("uuid").HasColumnName("production_order_id");
            b.Property<string>("Stage").IsRequired().HasColumnType("text").HasColumnName("stage");
            b.Property<DateTimeOffset>("ChangedAt").HasColumnType("timestamp with time zone").HasColumnName("changed_at");

            b.HasKey("Id").HasName("pk_production_steps");
            b.HasIndex("ProductionOrderId", "ChangedAt").HasDatabaseName("ix_production_steps_production_order_id_changed_at");
            b.ToTable("production_steps");
        });

        modelBuilder.Entity("Jewelry.MesApi.Domain.SellerClient", b =>
        {
            b.Property<string>("ClientId").HasColumnType("text").HasColumnName("client_id");
            b.Property<string>("SecretHash").IsRequired().HasColumnType("text").HasColumnName("secret_hash");
            b.Property<string>("Name").IsRequired().HasColumnType("text").HasColumnName("name");
            b.Property<DateTimeOffset>("CreatedAt").HasColumnType("timestamp with time zone").HasColumnName("created_at");

            b.HasKey("ClientId").HasName("pk_seller_clients");
            b.ToTable("seller_clients");
        });

        modelBuilder.Entity("Jewelry.MesApi.Domain.ProductionStep", b =>
            b.HasOne("Jewelry.MesApi.Domain.ProductionOrder", null)
                .WithMany("Steps")
                .HasForeignKey("ProductionOrderId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired()
                .HasConstraintName("fk_production_steps_production_orders_production_order_id"));

        modelBuilder.Entity("Jewelry.MesApi.Domain.ProductionOrder", b => b.Navigation("Steps"));
    }
}
