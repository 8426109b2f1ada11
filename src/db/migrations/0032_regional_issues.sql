-- Reserved for regional_issues; replaced by the module's schema when it lands.
SELECT 1;
