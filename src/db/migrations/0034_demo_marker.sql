-- Reserved for demo_marker; replaced by the module's schema when it lands.
SELECT 1;
